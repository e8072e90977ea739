// The phone menu: the hamburger button shows and hides the same sections as the menu bar.
// A file of its own because the pages' Content-Security-Policy runs no inline script.
document.addEventListener('DOMContentLoaded', function () {
    var button = document.getElementById('menuToggle');
    var panel = document.getElementById('phoneNav');
    if (!button || !panel) {
        return;
    }
    button.addEventListener('click', function () {
        var opening = panel.hasAttribute('hidden');
        if (opening) {
            panel.removeAttribute('hidden');
        } else {
            panel.setAttribute('hidden', 'hidden');
        }
        button.setAttribute('aria-expanded', String(opening));
    });
});
