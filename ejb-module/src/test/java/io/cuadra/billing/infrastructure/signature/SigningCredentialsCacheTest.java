package io.cuadra.billing.infrastructure.signature;

import io.cuadra.billing.TestKeystores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningCredentialsCacheTest {

    @TempDir
    Path keys;

    @Test
    void parsesAKeystoreOnceAndRefusesAWrongPasswordEvenWhenCached() {
        TestKeystores.Keystore ks = TestKeystores.generate(keys, "tenant.p12");
        SigningCredentialsCache cache = new SigningCredentialsCache();

        SigningCredentials first = cache.get(ks.path(), ks.password(), ks.alias());
        SigningCredentials again = cache.get(ks.path(), ks.password(), ks.alias());

        assertThat(again).isSameAs(first);
        assertThatThrownBy(() -> cache.get(ks.path(), "wrong".toCharArray(), ks.alias()))
                .hasMessageContaining("wrong password");
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void picksUpARenewedKeystoreAtTheSamePath() throws Exception {
        TestKeystores.Keystore old = TestKeystores.generate(keys, "old.p12");
        TestKeystores.Keystore renewed = TestKeystores.generate(keys, "renewed.p12");
        Path live = keys.resolve("live.p12");
        Files.copy(old.path(), live);
        SigningCredentialsCache cache = new SigningCredentialsCache();
        SigningCredentials before = cache.get(live, old.password(), old.alias());

        Files.copy(renewed.path(), live, StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(live, FileTime.from(Instant.now().plusSeconds(5)));
        SigningCredentials after = cache.get(live, renewed.password(), renewed.alias());

        assertThat(after.certificate()).isNotEqualTo(before.certificate());
        assertThat(cache.size()).isEqualTo(1);
    }
}
