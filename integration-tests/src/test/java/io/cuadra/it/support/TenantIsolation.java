package io.cuadra.it.support;

import io.cuadra.it.support.Http.Reply;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves a by-id endpoint keeps tenants apart: the owner reads it (200), a user of another tenant
 * gets 404 problem+json — exactly as for an id that does not exist, and so does a user of a third
 * tenant. Every component's tests call it for their by-id endpoints.
 */
public final class TenantIsolation {

    private TenantIsolation() {
    }

    public static void assertHiddenFromOtherTenant(Http owner, Http stranger, String... paths) {
        Http third = third();
        for (String path : paths) {
            Reply own = owner.get(path);
            assertThat(own.status()).as("owner reads " + path + ": " + own).isEqualTo(200);
            assertNotFound(stranger, path);
            assertNotFound(third, path);
        }
    }

    /** A user of a third tenant: isolation holds among three tenants, not only between two. */
    private static Http third() {
        try {
            return OtherTenant.signInThird(new Http(TestEnvironment.baseUrl()));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void assertNotFound(Http client, String path) {
        Reply r = client.get(path);
        assertThat(r.status()).as(path + " must look absent: " + r).isEqualTo(404);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }
}
