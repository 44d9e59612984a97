// Small progressive enhancements; every page works without them.
(function () {
  "use strict";

  // Elapsed time on a running session ticks every second.
  function formatSeconds(seconds) {
    seconds = Math.floor(seconds);
    if (seconds < 60) return seconds + " s";
    var rest = seconds % 60;
    return Math.floor(seconds / 60) + " min " + (rest < 10 ? "0" : "") + rest + " s";
  }
  function tick() {
    document.querySelectorAll(".elapsed[data-started]").forEach(function (el) {
      var started = el.dataset.started, finished = el.dataset.finished;
      if (!started || finished) return;
      var seconds = (Date.now() - Date.parse(started)) / 1000;
      if (seconds >= 0) el.textContent = formatSeconds(seconds);
    });
  }
  setInterval(tick, 1000);

  // Whether the page is live: the element that opened a socket carries data-live="open" or
  // "closed", and the page's [data-live-status] says so in words (the socket reconnects by
  // itself; until it does, the page still shows what it had).
  function setLive(element, state) {
    if (element && element.setAttribute) element.setAttribute("data-live", state);
    document.querySelectorAll("[data-live-status]").forEach(function (status) {
      status.hidden = false;
      status.dataset.state = state;
      status.textContent = state === "open" ? "Live" : "Reconnecting…";
    });
  }
  document.addEventListener("htmx:wsOpen", function (event) { setLive(event.target, "open"); });
  document.addEventListener("htmx:wsClose", function (event) { setLive(event.target, "closed"); });

  // A step or question pushed twice (a repeated message, or one already in the state sent on
  // connect) is shown once: items appended to a list skip ids the list already has.
  document.addEventListener("htmx:oobBeforeSwap", function (event) {
    var target = event.detail.target, fragment = event.detail.fragment;
    if (!target || !fragment || (target.id !== "timeline" && target.id !== "session-questions")) return;
    Array.prototype.slice.call(fragment.children || []).forEach(function (item) {
      var shown = item.id && document.getElementById(item.id);
      if (shown && shown !== target && target.contains(shown)) item.remove();
    });
  });

  // Screen readers hear when a session's status changes (the header is replaced on every
  // step, so it cannot be a live region itself).
  document.addEventListener("htmx:oobAfterSwap", function (event) {
    var header = event.target;
    if (!header.classList || !header.classList.contains("session-header")) return;
    var badge = header.querySelector(".badge"), announcer = document.querySelector("[data-session-announcer]");
    if (!badge || !announcer) return;
    var words = "Session " + badge.textContent.trim().toLowerCase();
    if (announcer.dataset.said !== words) {
      announcer.dataset.said = announcer.textContent = words;
    }
  });

  // A step that arrives live slides in (not the ones a page load or a reconnect shows).
  document.addEventListener("htmx:load", function (event) {
    var step = event.target;
    if (step.classList && step.classList.contains("step") && step.parentElement && step.parentElement.id === "timeline") {
      step.classList.add("arrived");
    }
  });

  // Briefly highlight questions that arrive or change live. A card pushed to a bank page
  // carries `live-changed` (generation/live.py); one appended to a session page is new.
  // htmx fires htmx:load on each element an out-of-band swap inserts, whatever the swap style.
  document.addEventListener("htmx:load", function (event) {
    var card = event.target;
    if (!card.classList || !card.classList.contains("question-card")) return;
    var parent = card.parentElement;
    if (!card.classList.contains("live-changed") && !(parent && parent.id === "session-questions")) return;
    card.classList.remove("live-changed", "flash");
    void card.offsetWidth; // restart the animation when the same card changes again
    card.classList.add("flash");
  });

  // On the bank, a card that arrives or leaves live changes the count above the cards, and
  // the "no questions" note appears or goes.
  var COUNT = /^(\d+) questions?$/;
  function adjustBankCount(cards, delta) {
    var results = cards.closest("#bank-results");
    var count = results && results.querySelector(".result-count");
    var match = count && COUNT.exec(count.textContent.trim());
    if (match) {
      var total = Math.max(0, parseInt(match[1], 10) + delta);
      count.textContent = total + (total === 1 ? " question" : " questions");
    }
    var empty = cards.querySelector(".empty-bank");
    var hasCards = !!cards.querySelector(".question-card");
    if (hasCards && empty) empty.remove();
    if (!hasCards && !empty) {
      empty = document.createElement("p");
      empty.className = "muted empty-bank";
      empty.textContent = "No questions match these filters.";
      cards.appendChild(empty);
    }
  }
  function countCards(nodes) {
    return Array.prototype.filter.call(nodes, function (node) {
      return node.classList && node.classList.contains("question-card");
    }).length;
  }
  new MutationObserver(function (mutations) {
    mutations.forEach(function (mutation) {
      if (mutation.target.id !== "bank-cards") return;
      var delta = countCards(mutation.addedNodes) - countCards(mutation.removedNodes);
      if (delta || mutation.removedNodes.length) adjustBankCount(mutation.target, delta);
    });
  }).observe(document.documentElement, { childList: true, subtree: true });

  // When a form comes back with errors (a page, or a form htmx swapped in), put the keyboard
  // on the first field to fix.
  document.addEventListener("htmx:load", function (event) {
    var loaded = event.target;
    var invalid = loaded.querySelector && loaded.querySelector('form [aria-invalid="true"]');
    if (invalid) invalid.focus();
  });

  // Bank filters left empty stay out of the URL, so it reads (and shares) as what it filters.
  document.addEventListener("htmx:configRequest", function (event) {
    var form = event.detail.elt;
    var data = event.detail.formData;
    if (!form || form.id !== "bank-filters" || !data) return;
    Array.from(data.keys()).forEach(function (name) {
      if (data.getAll(name).every(function (value) { return value === ""; })) data.delete(name);
    });
  });

  // Tell the bank's socket (questions/consumers.py) which filters and page the cards show:
  // on every (re)connect, and whenever filtering or paging swaps the results without a reload
  // (the socket stays open).
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
  // A form that asks first (deleting a paper).
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.dataset && form.dataset.confirm && !window.confirm(form.dataset.confirm)) event.preventDefault();
  }, true);

  // A paper's questions can be dragged into a new order; the order is posted as the
  // reorder form (papers/views.py item_reorder) and the editor comes back renumbered.
  // The ↑ and ↓ buttons do the same from the keyboard, and without JavaScript.
  var dragged = null;
  document.addEventListener("dragstart", function (event) {
    var item = event.target.closest && event.target.closest("#paper-items[data-reorder] > .paper-item");
    if (!item) return;
    dragged = item;
    item.classList.add("dragging");
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", item.dataset.item);
  });
  document.addEventListener("dragover", function (event) {
    if (!dragged) return;
    var over = event.target.closest && event.target.closest("#paper-items > .paper-item");
    if (!over || over === dragged || over.parentElement !== dragged.parentElement) return;
    event.preventDefault();
    var box = over.getBoundingClientRect();
    var after = event.clientY > box.top + box.height / 2;
    over.parentElement.insertBefore(dragged, after ? over.nextSibling : over);
  });
  document.addEventListener("drop", function (event) { if (dragged) event.preventDefault(); });
  document.addEventListener("dragend", function () {
    if (!dragged) return;
    var list = dragged.parentElement, form = document.getElementById("reorder-form");
    dragged.classList.remove("dragging");
    dragged = null;
    if (!list || !form) return;
    form.querySelectorAll("input[name=item]").forEach(function (input) { input.remove(); });
    list.querySelectorAll(":scope > .paper-item").forEach(function (item) {
      var input = document.createElement("input");
      input.type = "hidden"; input.name = "item"; input.value = item.dataset.item;
      form.appendChild(input);
    });
    form.requestSubmit();
  });
})();
