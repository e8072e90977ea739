package io.cuadra.web.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/** Ready means the database answers and the schema has been migrated. */
@Readiness
@ApplicationScoped
public class DatabaseHealthCheck implements HealthCheck {

    @Resource(lookup = "jdbc/cuadra")
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        long t0 = System.nanoTime();
        try (Connection c = dataSource.getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(
                     "select max(version) from flyway_schema_history where success and version is not null")) {
            rs.next();
            String schema = rs.getString(1);
            return HealthCheckResponse.named("database")
                    .status(schema != null)
                    .withData("schemaVersion", String.valueOf(schema))
                    .withData("latencyMs", (System.nanoTime() - t0) / 1_000_000)
                    .build();
        } catch (Exception e) {
            return HealthCheckResponse.named("database").down().withData("error", e.getClass().getSimpleName()
                    + ": " + e.getMessage()).build();
        }
    }
}
