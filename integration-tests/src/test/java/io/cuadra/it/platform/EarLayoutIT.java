package io.cuadra.it.platform;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The built EAR: ejb jar, skinny WAR, batch jar and shared libraries once in lib/, version-free names. */
class EarLayoutIT {

    @Test
    void earHoldsTheModulesAndEachLibraryOnce() throws IOException {
        Path ear = Path.of(System.getProperty("cuadra.ear"));
        List<String> entries = new ArrayList<>();
        List<String> warLibs = new ArrayList<>();
        try (ZipFile zip = new ZipFile(ear.toFile())) {
            zip.stream().map(ZipEntry::getName).forEach(entries::add);
            try (InputStream war = zip.getInputStream(zip.getEntry("cuadra-web.war"));
                 ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(war.readAllBytes()))) {
                for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                    if (e.getName().startsWith("WEB-INF/lib/") && e.getName().endsWith(".jar")) {
                        warLibs.add(e.getName().substring("WEB-INF/lib/".length()));
                    }
                }
            }
        }
        assertThat(entries).contains("META-INF/application.xml", "cuadra-ejb.jar", "cuadra-web.war",
                "lib/cuadra-batch.jar", "lib/flyway-core.jar");
        List<String> libs = entries.stream().filter(n -> n.startsWith("lib/") && n.endsWith(".jar"))
                .map(n -> n.substring(4)).toList();
        assertThat(libs).as("version-free names in lib/").noneMatch(n -> n.matches(".*-\\d+(\\.\\d+)+.*\\.jar"));
        assertThat(warLibs).as("the WAR is skinny: only what the web module alone uses (PrimeFaces and PrimeFlex's CSS)")
                .allMatch(n -> n.startsWith("primefaces") || n.startsWith("primeflex"));
        assertThat(warLibs).as("no jar both in the WAR and in lib/")
                .noneMatch(w -> libs.stream().anyMatch(l -> w.startsWith(l.replace(".jar", ""))));
        assertThat(Files.size(ear)).isPositive();
    }
}
