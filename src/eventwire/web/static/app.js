// Keyboard help for the workbench; every page works without it.
// "/" focuses search, j/k move through table rows, Enter opens the row's link, "g h" goes home.
(function () {
  "use strict";
  var pendingG = false;
  function typing(el) {
    return el && (el.tagName === "INPUT" || el.tagName === "TEXTAREA" || el.tagName === "SELECT" || el.isContentEditable);
  }
  function rows() {
    return Array.prototype.slice.call(document.querySelectorAll("table.rows a.rowlink"));
  }
  function move(step) {
    var links = rows();
    if (!links.length) return;
    var i = links.indexOf(document.activeElement);
    i = i < 0 ? (step > 0 ? 0 : links.length - 1) : Math.max(0, Math.min(links.length - 1, i + step));
    document.querySelectorAll("tr.current").forEach(function (tr) { tr.classList.remove("current"); });
    var tr = links[i].closest("tr");
    if (tr) tr.classList.add("current");
    links[i].focus();
    links[i].scrollIntoView({ block: "nearest" });
  }
  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (typing(e.target)) {
      if (e.key === "Escape") e.target.blur();
      return;
    }
    if (e.key === "/") {
      var q = document.getElementById("q-main") || document.getElementById("q-top");
      if (q) { e.preventDefault(); q.focus(); q.select(); }
    } else if (e.key === "j") { move(1); }
    else if (e.key === "k") { move(-1); }
    else if (e.key === "g") { pendingG = true; setTimeout(function () { pendingG = false; }, 800); return; }
    else if (e.key === "h" && pendingG) { window.location.href = "/"; }
    pendingG = false;
  });
})();
