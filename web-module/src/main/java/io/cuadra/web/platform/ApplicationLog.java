package io.cuadra.web.platform;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The application's own log: JSON lines ({@link JsonLogFormatter}) of every {@code io.cuadra} logger and of every
 * request, in {@code CUADRA_LOG_FILE} (default {@code <domain>/logs/cuadra.%g.json}: generation 0 is the current
 * file, rolled at 50 MB, 10 kept). Payara's server.log stays as it is and still receives the application's
 * records (not the request lines), so nothing an operator used to find there goes away.
 */
@WebListener
public class ApplicationLog implements ServletContextListener {

    static final String APPLICATION_LOGGER = "io.cuadra";
    static final String REQUEST_LOGGER = "io.cuadra.request";
    private static final int LIMIT_BYTES = 50 * 1024 * 1024;
    private static final int FILES = 10;

    // Strong references: JUL forgets the configuration of loggers nobody holds.
    private static final Logger APPLICATION = Logger.getLogger(APPLICATION_LOGGER);
    private static final Logger REQUESTS = Logger.getLogger(REQUEST_LOGGER);
    private static volatile Handler handler;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        String pattern = ConfigProvider.getConfig().getOptionalValue("cuadra.log.file", String.class)
                .orElse(System.getProperty("com.sun.aas.instanceRoot", ".") + "/logs/cuadra.%g.json");
        try {
            Path dir = Path.of(pattern.replace("%g", "0")).toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            FileHandler file = new FileHandler(pattern, LIMIT_BYTES, FILES, true);
            file.setEncoding("UTF-8");
            file.setFormatter(new JsonLogFormatter());
            file.setLevel(Level.ALL);
            APPLICATION.addHandler(file);
            handler = file;
        } catch (IOException | RuntimeException e) {
            Logger.getLogger(ApplicationLog.class.getName()).log(Level.SEVERE,
                    "No JSON application log at " + pattern + "; logging to server.log only", e);
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        Handler h = handler;
        handler = null;
        if (h != null) {
            APPLICATION.removeHandler(h);
            h.close();
        }
    }

    /**
     * Request lines go to the JSON log only (server.log is not an access log); the level of {@code io.cuadra.request}
     * (asadmin set-log-levels) can still turn them off.
     */
    static void request(RequestRecord record) {
        Handler h = handler;
        if (h != null && REQUESTS.isLoggable(record.getLevel())) {
            h.publish(record);
        }
    }
}
