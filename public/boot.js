// Runs before the app, so that a pre-rendered page is right from its first paint:
// the reader's font size is applied, and a deep link opens at its section.
(function () {
  try {
    var size = localStorage.getItem("nianbao.font-size");
    if (size) document.documentElement.setAttribute("data-font-size", size);
  } catch (e) {
    // Storage can be blocked (private mode): the default size stands.
  }
  // A deep link's page names the element it opens at in a render-blocking
  // <link rel="expect">: the browser holds the first paint until that element is parsed,
  // and it is scrolled to as soon as the parser has put it in, so the first paint is already
  // at the section (text painted at the top and scrolled away was at times the only paint
  // recorded for the largest one). Browsers without render blocking scroll on
  // DOMContentLoaded, below. A fragment (a figure's link) is left to that too.
  var opened = false;
  var anchor = null;
  var opening = !location.hash && typeof MutationObserver === "function" && new MutationObserver(function () {
    if (anchor === null) {
      var expect = document.querySelector('link[rel="expect"][blocking~="render"]');
      if (!expect && !document.body) return; // the head is still being parsed
      anchor = expect ? decodeURIComponent(new URL(expect.href).hash.slice(1)) : "";
    }
    var target = anchor && document.getElementById(anchor);
    if (!anchor) opening.disconnect();
    if (!target) return;
    target.scrollIntoView();
    if (!opened) {
      opened = true;
      // The first frame's callbacks run just before it paints: from then on the reader
      // may scroll, and the page no longer moves on its own.
      requestAnimationFrame(function () { opening.disconnect(); });
    }
  });
  if (opening) opening.observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", function () {
    if (opening) opening.disconnect();
    // A figure named by the fragment (…/s5/#f-s5-0-51) is shown in the middle of the screen.
    var figure = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (figure) {
      figure.setAttribute("data-linked", "");
      figure.scrollIntoView({ block: "center" });
      return;
    }
    if (opened) return;
    var target = document.querySelector("#prerendered .section.is-target, #prerendered .compare-section.is-target, #prerendered .tujie-panel.is-target");
    if (target) target.scrollIntoView();
  });
})();
