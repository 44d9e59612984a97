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

  // The bank's live feed (questions/consumers.py). A card it pushes carries `live-changed`:
  // highlight it once, and drop the "no questions" note it makes untrue.
  document.addEventListener("htmx:oobAfterSwap", function (event) {
    var card = event.target;
    if (!card || !card.classList || !card.classList.contains("live-changed")) return;
    card.classList.remove("live-changed", "flash");
    void card.offsetWidth;
    card.classList.add("flash");
    var list = card.parentElement;
    var empty = list && list.querySelector(".empty-bank");
    if (empty) empty.remove();
  });

  // Tell it which filters and page the cards show: on every (re)connect, and whenever
  // filtering or paging swaps the results without a reload (the socket stays open).
  var bankSocket = null;
  function sendBankQuery(search) {
    if (bankSocket) bankSocket.send(JSON.stringify({ bank_query: (search || "").replace(/^\?/, "") }));
  }
  document.addEventListener("htmx:wsOpen", function (event) {
    if (!event.target.querySelector || !event.target.querySelector("#bank-cards")) return;
    bankSocket = event.detail.socketWrapper;
    sendBankQuery(location.search);
  });
  document.addEventListener("htmx:afterSwap", function (event) {
    var target = event.detail && event.detail.target;
    var xhr = event.detail && event.detail.xhr;
    if (!bankSocket || !target || target.id !== "bank-results" || !xhr || !xhr.responseURL) return;
    sendBankQuery(new URL(xhr.responseURL).search);
  });
  document.addEventListener("htmx:historyRestore", function () {
    if (document.getElementById("bank-cards")) sendBankQuery(location.search);
  });
})();
