package io.cuadra.customers.application;

import io.cuadra.customers.domain.CustomerQuery;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The statement and what binds it agree: the service, and the benchmark that binds by the same rule. */
class CustomerSearchTest {

    private static String statement() throws Exception {
        try (InputStream in = CustomerSearch.class.getResourceAsStream(CustomerSearch.SQL_RESOURCE)) {
            return CustomerSearch.statement(in);
        }
    }

    @Test
    void theStatementTakesTheTenantThenTheQueryThenThePage() throws Exception {
        Matcher m = Pattern.compile("\\?(\\d+)").matcher(statement());
        TreeSet<Integer> used = new TreeSet<>();
        while (m.find()) {
            used.add(Integer.parseInt(m.group(1)));
        }
        int components = CustomerQuery.class.getRecordComponents().length;
        assertThat(used).containsExactlyElementsOf(IntStream.rangeClosed(1, components + 3).boxed().toList());
    }

    @Test
    void theStatementCapsTheMatchesWhereTheServiceSaysItDoes() throws Exception {
        String sql = statement();
        Matcher limits = Pattern.compile("limit (\\d+)").matcher(sql);
        TreeSet<Integer> caps = new TreeSet<>();
        while (limits.find()) {
            caps.add(Integer.parseInt(limits.group(1)));
        }
        assertThat(caps).as("the nearest spellings of a misspelt word, and the cap").containsExactly(3,
                CustomerSearch.MAX_MATCHES);
        assertThat(sql).as("EclipseLink reads # as a parameter").doesNotContain("#");
    }
}
