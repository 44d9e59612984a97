// Small progressive enhancements; every page works without them.
(function () {
  "use strict";

  // Elapsed time on a running session ticks every second.
  function tick() {
    document.querySelectorAll(".elapsed[data-started]").forEach(function (el) {
      var started = el.dataset.started, finished = el.dataset.finished;
      if (!started || finished) return;
      var seconds = (Date.now() - Date.parse(started)) / 1000;
      if (seconds >= 0) el.textContent = seconds.toFixed(0) + " s";
    });
  }
  setInterval(tick, 1000);

  // Briefly highlight questions that arrive or change live.
  document.addEventListener("htmx:oobAfterSwap", function (event) {
    var target = event.detail && event.detail.target;
    if (!target) return;
    var cards = target.classList && target.classList.contains("question-card") ? [target] : target.querySelectorAll ? target.querySelectorAll(".question-card.live-new") : [];
    Array.prototype.forEach.call(cards, function (card) {
      card.classList.remove("flash");
      void card.offsetWidth;
      card.classList.add("flash");
    });
  });
})();
