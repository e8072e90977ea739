package io.cuadra.shared.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Brings the schema to the latest Flyway migration when the application is deployed, before any
 * other startup bean touches the database (they declare {@code @DependsOn("SchemaMigrations")}).
 * EclipseLink never generates DDL: migrations under {@code db/migration} are the only schema source.
 *
 * <p>The application's own datasource connects as a role that owns nothing; migrations run as the owner
 * ({@code CUADRA_DB_OWNER_USER} / {@code CUADRA_DB_OWNER_PASSWORD}, same server and database as
 * {@code jdbc/cuadra}), a login used for nothing else. The migrations grant the application's role what it
 * needs ({@code ${app_role}}). Without an owner configured, the datasource's role migrates and owns everything
 * (no least privilege: logged as a warning).
 */
@Singleton
@Startup
public class SchemaMigrations {

    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

    @Resource(lookup = "jdbc/cuadra")
    DataSource dataSource;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void migrate() {
        String url;
        String appRole;
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            url = meta.getURL();
            appRole = meta.getUserName();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database of jdbc/cuadra", e);
        }
        var config = ConfigProvider.getConfig();
        Optional<String> owner = config.getOptionalValue("cuadra.db.owner.user", String.class).filter(s -> !s.isBlank());
        FluentConfiguration flyway = Flyway.configure(SchemaMigrations.class.getClassLoader())
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .placeholders(Map.of("app_role", appRole));
        if (owner.isPresent()) {
            flyway.dataSource(url, owner.get(),
                    config.getOptionalValue("cuadra.db.owner.password", String.class).orElse(""));
        } else {
            LOG.warning(() -> "CUADRA_DB_OWNER_USER is not set: migrations run as the application's role " + appRole
                    + ", which then owns the schema (it could alter or truncate any table, the audit log included)");
            flyway.dataSource(dataSource);
        }
        MigrateResult result = flyway.load().migrate();
        LOG.info(() -> "Schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migration(s) applied now as " + owner.orElse(appRole) + "; the application connects as "
                + appRole + ")");
    }
}
