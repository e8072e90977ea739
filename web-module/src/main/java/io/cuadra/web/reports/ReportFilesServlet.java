package io.cuadra.web.reports;

import io.cuadra.identity.application.CurrentCaller;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.reports.application.ReportExports;
import io.cuadra.reports.application.ReportService;
import io.cuadra.reports.domain.ReportFilter;
import io.cuadra.web.platform.BadParameter;
import io.cuadra.shared.domain.BusinessException;
import io.cuadra.shared.domain.NotFound;
import io.cuadra.web.shell.LocaleSelector;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A report's file for the back office, under its session: {@code /reports/files/{report}.{csv|xlsx|pdf}} with the
 * report's filters as query parameters; headers in the user's language. Needs reports:export; every file is
 * audited (the REST API serves the same files to bearer tokens).
 */
@WebServlet(name = "ReportFiles", urlPatterns = "/reports/files/*")
public class ReportFilesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern PATH = Pattern.compile("/([a-z-]{1,40})\\.(csv|xlsx|pdf)");
    /** The page's download monitor: PrimeFaces' cookie name after its prefix ("_reports_index"). */
    private static final Pattern MONITOR = Pattern.compile("_[A-Za-z0-9_-]{1,100}");

    @EJB
    transient ReportExports exports;

    @Inject
    transient LocaleSelector locale;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher m = PATH.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
        String report = m.matches() ? m.group(1) : "";
        if (!ReportService.REPORTS.contains(report) && !ReportExports.ANONYMOUS.equals(report)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (!CurrentCaller.get().map(c -> c.can(Module.REPORTS, Action.EXPORT)).orElse(false)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        ResourceBundle bundle = ResourceBundle.getBundle("io.cuadra.web.messages", locale.getLocale());
        ReportExports.ExportFile file;
        try {
            ReportFilter f = ReportParams.filter(request);
            file = exports.export(report, f, m.group(2), key -> bundle.containsKey(key) ? bundle.getString(key) : key);
        } catch (NotFound e) {
            prepared(request, response);
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        } catch (BusinessException e) {
            prepared(request, response);
            response.sendError(422, e.getMessage());
            return;
        } catch (BadParameter e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
            return;
        }
        prepared(request, response);
        response.setContentType(file.contentType());
        response.setHeader("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"");
        response.setHeader("Cache-Control", "private, no-store");
        response.setContentLength(file.content().length);
        response.getOutputStream().write(file.content());
    }

    /**
     * Tells the page that asked for the file (with {@code monitor}) that it is ready: the cookie
     * PrimeFaces.monitorDownload watches, so the global status shown since the click goes away (layout.js).
     */
    private static void prepared(HttpServletRequest request, HttpServletResponse response) {
        String monitor = request.getParameter("monitor");
        if (monitor == null || !MONITOR.matcher(monitor).matches()) {
            return;
        }
        Cookie done = new Cookie("primefaces.download" + monitor, "true");
        done.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        done.setSecure(request.isSecure());
        response.addCookie(done);
    }
}
