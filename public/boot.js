// Runs before the app, so that a pre-rendered page is right from its first paint:
// the reader's font size is applied, and a deep link opens at its section.
(function () {
  try {
    var size = localStorage.getItem("nianbao.font-size");
    if (size) document.documentElement.setAttribute("data-font-size", size);
  } catch (e) {
    // Storage can be blocked (private mode): the default size stands.
  }
  document.addEventListener("DOMContentLoaded", function () {
    // A figure named by the fragment (…/s5/#f-s5-0-51) is shown in the middle of the screen.
    var figure = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (figure) {
      figure.setAttribute("data-linked", "");
      figure.scrollIntoView({ block: "center" });
      return;
    }
    var target = document.querySelector("#prerendered .section.is-target, #prerendered .compare-section.is-target, #prerendered .tujie-panel.is-target");
    if (target) target.scrollIntoView();
  });
})();
