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

// The global status for what is not AJAX: a form sent whole (a statement import, a logo, a download) shows the
// same bar as an AJAX action until the next page replaces it, or, for a file, until the file has arrived
// (p:fileDownload's cookie, watched by PrimeFaces.monitorDownload).
document.addEventListener('submit', function () {
    var busy = document.getElementById('busy_start');
    if (!busy) {
        return;
    }
    busy.style.display = 'block';
    if (window.PrimeFaces && PrimeFaces.monitorDownload) {
        PrimeFaces.monitorDownload(null, function () { busy.style.display = 'none'; });
    }
});

// A file link prepared on the server (a report's CSV/XLSX/PDF): the same status from the click until the file has
// arrived. The link asks the server to set PrimeFaces' download cookie for this page (monitor=...), which
// PrimeFaces.monitorDownload watches.
document.addEventListener('click', function (e) {
    var link = e.target && e.target.closest ? e.target.closest('a.cuadra-download') : null;
    var busy = document.getElementById('busy_start');
    if (!link || !busy || !window.PrimeFaces || !PrimeFaces.monitorDownload || !PrimeFaces.settings.viewId) {
        return;
    }
    var page = PrimeFaces.settings.viewId.replace(/\//g, '_');
    var url = new URL(link.href, window.location.href);
    url.searchParams.set('monitor', page.substring(0, page.lastIndexOf('.')));
    link.href = url.toString();
    busy.style.display = 'block';
    PrimeFaces.monitorDownload(null, function () { busy.style.display = 'none'; });
});
