// crosscheck serve: keyboard review of an article's suggestions (j/k move, a accept,
// e edit, r reject, Esc leaves a field) and a click on a marked span to pick its suggestion.
// The pages work without this file; it only adds the keys.
(function () {
  "use strict";
  var items = Array.prototype.slice.call(document.querySelectorAll("li.sugg"));
  if (!items.length) return;
  document.body.classList.add("keys");
  var at = 0;
  for (var n = 0; n < items.length; n++) {
    if (items[n].classList.contains("new")) { at = n; break; }
  }
  function spans(i) {
    return document.querySelectorAll('.body .s[data-s="' + i + '"]');
  }
  function show(i, scroll) {
    var old = items[at];
    if (old) {
      old.classList.remove("current");
      Array.prototype.forEach.call(spans(old.dataset.s), function (s) { s.classList.remove("on"); });
    }
    at = Math.max(0, Math.min(items.length - 1, i));
    var li = items[at];
    li.classList.add("current");
    var marked = spans(li.dataset.s);
    Array.prototype.forEach.call(marked, function (s) { s.classList.add("on"); });
    li.focus({ preventScroll: true });
    if (scroll !== false) {
      li.scrollIntoView({ block: "nearest" });
      if (marked.length) marked[0].scrollIntoView({ block: "nearest" });
    }
  }
  function submit(form) {
    if (!form) return;
    if (form.requestSubmit) form.requestSubmit(); else form.submit();
  }
  document.addEventListener("keydown", function (e) {
    var t = e.target;
    if (t && t.closest && t.closest("input, textarea, select")) {
      if (e.key === "Escape") { t.blur(); items[at].focus({ preventScroll: true }); e.preventDefault(); }
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    var li = items[at];
    switch (e.key) {
      case "j": show(at + 1); break;
      case "k": show(at - 1); break;
      case "a": submit(li.querySelector("form.accept")); break;
      case "r": submit(li.querySelector("form.reject")); break;
      case "e": {
        var form = li.querySelector("form.accept");
        if (!form) return;
        li.classList.add("editing");
        var field = form.querySelector("[name=measure]") || form.querySelector("[name=quote]");
        field.focus();
        if (field.select) field.select();
        break;
      }
      default: return;
    }
    e.preventDefault();
  });
  document.addEventListener("click", function (e) {
    if (!e.target.closest) return;
    var li = e.target.closest("li.sugg");
    if (li && !e.target.closest("form")) { show(items.indexOf(li), false); return; }
    var s = e.target.closest(".body .s");
    if (!s) return;
    for (var i = 0; i < items.length; i++) {
      if (items[i].dataset.s === s.dataset.s) { show(i); return; }
    }
  });
  show(at, false);
})();
