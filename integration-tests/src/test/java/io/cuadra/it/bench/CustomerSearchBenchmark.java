package io.cuadra.it.bench;

import io.cuadra.server.EmbeddedDatabase;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.InputStream;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Customer search over 1,000,000 customers: starts a throw-away embedded PostgreSQL, applies the
 * application's migrations, loads the customers with COPY, then times the search statement the
 * service runs ({@code customer-search.sql}, parameters read from the typed text by the service's own
 * {@code CustomerQuery}) for a few hundred varied queries and prints p50/p95/p99.
 *
 * <p>Needs the ejb-module classes on the class path (statement and query reading are loaded from
 * there, not copied). From the repository root:
 * <pre>
 * ./mvnw -B -q -pl integration-tests -am package -DskipTests -Dbench=io.cuadra.it.bench.CustomerSearchBenchmark \
 *      [-Dbench.args="1000000 400 35499"]     (customers, queries, port: by position)
 * </pre>
 */
public final class CustomerSearchBenchmark {

    private static final String[] FIRST = {"María", "José", "Luis", "Ana", "Carlos", "Rosa", "Jorge", "Lucía",
            "Juan", "Carmen", "Pedro", "Elena", "Miguel", "Sofía", "Raúl", "Patricia", "Víctor", "Gabriela", "Andrés",
            "Verónica", "Óscar", "Mónica", "Iván", "Beatriz", "Hugo", "Daniela", "Ramón", "Inés", "Julio", "Noemí",
            "Wilmer", "Yolanda", "Efraín", "Zoila", "Edwin", "Nélida", "Teófilo", "Flor", "Abel", "Maribel"};
    private static final String[] LAST = {"González", "Quispe", "Mamani", "Huamán", "Flores", "Rodríguez",
            "Sánchez", "García", "Rojas", "Díaz", "Torres", "Chávez", "Ramírez", "Vásquez", "Castillo", "Espinoza",
            "Condori", "Gutiérrez", "Mendoza", "Fernández", "Pérez", "López", "Vargas", "Ríos", "Salazar", "Ccahuana",
            "Apaza", "Ticona", "Cárdenas", "Núñez", "Yupanqui", "Paredes", "Zegarra", "Ñahui", "Béjar", "Gálvez",
            "Montoya", "Alarcón", "Quiñones", "Villanueva", "Cusihuamán", "Huillca", "Choque", "Aguilar", "Palomino",
            "Benavides", "Carrasco", "Ugarte", "Lazo", "Oré"};
    private static final String[] TRADE = {"Inversiones", "Comercial", "Servicios", "Distribuidora", "Clínica",
            "Laboratorio", "Constructora", "Transportes", "Minera", "Agroindustrias"};
    private static final int[] RUC_WEIGHTS = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

    private CustomerSearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int queries = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        int port = args.length > 2 ? Integer.parseInt(args[2]) : 35499;
        Path root = repositoryRoot();
        Path data = root.resolve("integration-tests/target/bench-pgdata");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(data, port, true);
             Connection c = DriverManager.getConnection(db.jdbcUrl(), "postgres", "postgres")) {
            migrate(c, root.resolve("ejb-module/src/main/resources/db/migration"));
            long tenant = 1;
            exec(c, "insert into tenants (id, slug, name, created_by, updated_by) values (1, 'bench', 'Bench', 'b', 'b')");
            List<String> indexes = dropSearchIndexes(c);
            long t0 = System.nanoTime();
            List<String[]> sample = load(c, tenant, customers);
            System.out.printf("Loaded %,d customers with COPY in %.1f s%n", customers, (System.nanoTime() - t0) / 1e9);
            t0 = System.nanoTime();
            for (String ddl : indexes) {
                exec(c, ddl);
            }
            exec(c, "analyze customers");
            System.out.printf("Built %d search indexes and analysed in %.1f s%n", indexes.size(),
                    (System.nanoTime() - t0) / 1e9);
            run(c, tenant, typedQueries(sample, queries));
        }
    }

    /** Times the service's statement for each typed text; prints percentiles per kind and overall. */
    private static void run(Connection c, long tenant, List<String[]> typed) throws Exception {
        SearchStatement sql = statement();
        Class<?> queryType = Class.forName("io.cuadra.customers.domain.CustomerQuery");
        Method of = queryType.getMethod("of", String.class);
        RecordComponent[] parts = queryType.getRecordComponents();
        try (PreparedStatement ps = c.prepareStatement(sql.jdbc)) {
            for (int i = 0; i < 30; i++) {  // warm-up: plans, caches
                execute(ps, sql, tenant, of.invoke(null, typed.get(i % typed.size())[1]), parts);
            }
            List<Double> all = new ArrayList<>();
            java.util.Map<String, List<Double>> byKind = new java.util.TreeMap<>();
            long found = 0;
            for (String[] q : typed) {
                Object params = of.invoke(null, q[1]);
                long t0 = System.nanoTime();
                int rows = execute(ps, sql, tenant, params, parts);
                double ms = (System.nanoTime() - t0) / 1e6;
                all.add(ms);
                byKind.computeIfAbsent(q[0], k -> new ArrayList<>()).add(ms);
                found += rows > 0 ? 1 : 0;
            }
            System.out.printf("%-16s %6s %8s %8s %8s %8s%n", "queries", "n", "p50 ms", "p95 ms", "p99 ms", "max ms");
            byKind.forEach((kind, times) -> print(kind, times));
            print("ALL", all);
            System.out.printf("%d of %d queries found at least one customer%n", found, typed.size());
        }
    }

    private static int execute(PreparedStatement ps, SearchStatement sql, long tenant, Object query,
                               RecordComponent[] parts) throws Exception {
        // The statement's rule (its header, CustomerSearchTest): ?1 the tenant, then the components of
        // CustomerQuery in their order, then limit and offset.
        Object[] values = new Object[parts.length + 4];
        values[1] = tenant;
        for (int i = 0; i < parts.length; i++) {
            values[i + 2] = parts[i].getAccessor().invoke(query);
        }
        values[parts.length + 2] = 20;
        values[parts.length + 3] = 0L;
        for (int i = 0; i < sql.order.size(); i++) {
            ps.setObject(i + 1, values[sql.order.get(i)]);
        }
        int rows = 0;
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows++;
            }
        }
        return rows;
    }

    private static void print(String kind, List<Double> times) {
        double[] t = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("%-16s %6d %8.1f %8.1f %8.1f %8.1f%n", kind, t.length, pct(t, 50), pct(t, 95), pct(t, 99),
                t[t.length - 1]);
    }

    private static double pct(double[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(i, sorted.length - 1))];
    }

    /** Varied things a receptionist types, drawn from the loaded customers (and some that find nobody). */
    private static List<String[]> typedQueries(List<String[]> sample, int n) {
        Random r = new Random(7);
        List<String[]> typed = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String[] s = sample.get(r.nextInt(sample.size()));  // document, first, last, phone, email
            String first = s[1].split(" ")[0];
            String last = s[2].split(" ")[0];
            switch (i % 10) {
                case 0 -> typed.add(new String[]{"document", s[0]});
                case 1 -> typed.add(new String[]{"document-prefix", s[0].substring(0, 6)});
                case 2 -> typed.add(new String[]{"full-name", first + " " + s[2]});
                case 3 -> typed.add(new String[]{"partial-name", strip(first).toLowerCase() + " "
                        + strip(last).substring(0, Math.min(4, last.length())).toLowerCase()});
                case 4 -> typed.add(new String[]{"reversed-name", last + " " + first});
                case 5 -> typed.add(new String[]{"typo-surname", typo(strip(last)) + " " + first});
                case 6 -> typed.add(new String[]{"phone", s[3] == null ? s[0] : s[3].substring(3)});
                case 7 -> typed.add(new String[]{"phone-part", s[3] == null ? s[0] : s[3].substring(6)});
                case 8 -> typed.add(new String[]{"email-prefix", s[4] == null ? first + " " + last
                        : s[4].substring(0, Math.min(10, s[4].indexOf('@')))});
                default -> typed.add(new String[]{"single-word", r.nextBoolean() ? last : "zzqx" + i});
            }
        }
        return typed;
    }

    private static String typo(String word) {
        if (word.length() < 5) {
            return word;
        }
        char[] w = word.toCharArray();
        int i = w.length - 2;
        char t = w[i];
        w[i] = w[i + 1];
        w[i + 1] = t;
        return new String(w);
    }

    private static String strip(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    /** COPY in chunks; keeps every 2,000th customer as material for the queries. */
    private static List<String[]> load(Connection c, long tenant, int count) throws Exception {
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        Random r = new Random(42);
        List<String[]> sample = new ArrayList<>();
        String columns = "copy customers (id, tenant_id, document_type, document_number, first_name, last_name, "
                + "business_name, email, phone, district, city, country, visit_count, created_by, updated_by) "
                + "from stdin with (format csv, null '')";
        StringBuilder chunk = new StringBuilder(16 << 20);
        for (int i = 1; i <= count; i++) {
            boolean company = r.nextInt(10) == 0;
            String first = FIRST[r.nextInt(FIRST.length)] + (r.nextInt(4) == 0 ? " " + FIRST[r.nextInt(FIRST.length)] : "");
            String last = LAST[r.nextInt(LAST.length)] + " " + LAST[r.nextInt(LAST.length)];
            String document;
            String business = null;
            if (company) {
                String ten = (r.nextBoolean() ? "20" : "10") + String.format("%08d", i);
                document = ten + rucDigit(ten);
                business = TRADE[r.nextInt(TRADE.length)] + " " + LAST[r.nextInt(LAST.length)] + " S.A.C.";
            } else {
                document = String.format("%08d", 10_000_000 + i * 7 % 89_999_999);
            }
            String phone = r.nextInt(10) < 7 ? "+519" + String.format("%08d", r.nextInt(100_000_000)) : null;
            String email = r.nextInt(10) < 6 ? (strip(first.split(" ")[0]) + "." + strip(last.split(" ")[0]) + i
                    + "@example.pe").toLowerCase() : null;
            chunk.append(i).append(',').append(tenant).append(',').append(company ? '6' : '1').append(',')
                    .append(document).append(',').append(company ? "" : first).append(',')
                    .append(company ? "" : last).append(',').append(business == null ? "" : '"' + business + '"')
                    .append(',').append(email == null ? "" : email).append(',').append(phone == null ? "" : phone)
                    .append(",Lima,Lima,PE,").append(r.nextInt(5)).append(",bench,bench\n");
            if (i % 2_000 == 0 && !company) {
                sample.add(new String[]{document, first, last, phone, email});
            }
            if (i % 100_000 == 0 || i == count) {
                copy.copyIn(columns, new StringReader(chunk.toString()));
                chunk.setLength(0);
            }
        }
        return sample;
    }

    private static int rucDigit(String ten) {
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += (ten.charAt(i) - '0') * RUC_WEIGHTS[i];
        }
        int d = 11 - sum % 11;
        return d == 10 ? 0 : d == 11 ? 1 : d;
    }

    /** The search indexes of the customers table, dropped for the load and rebuilt from their own definitions. */
    private static List<String> dropSearchIndexes(Connection c) throws Exception {
        List<String> ddl = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select indexname, indexdef from pg_indexes where tablename = 'customers' and indexname like 'customers\\_%' "
                        + "and indexname not like '%pkey' and indexname <> 'customers_document_uq'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
                ddl.add(rs.getString(2));
            }
        }
        for (String name : names) {
            exec(c, "drop index " + name);
        }
        return ddl;
    }

    /** The migrations in file order; the benchmark connects as the owner, which is also the application's role here. */
    private static void migrate(Connection c, Path dir) throws Exception {
        String role = c.getMetaData().getUserName();
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".sql")).sorted().toList()) {
                exec(c, Files.readString(f).replace("${app_role}", role));
            }
        }
    }

    private static void exec(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static Path repositoryRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("ejb-module"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("Run from inside the repository");
        }
        return p;
    }

    /** The service's statement with its ?n parameters turned into JDBC ones, and which n each stands for. */
    private record SearchStatement(String jdbc, List<Integer> order) {
    }

    private static SearchStatement statement() throws Exception {
        try (InputStream in = CustomerSearchBenchmark.class.getResourceAsStream(
                "/io/cuadra/customers/application/customer-search.sql")) {
            if (in == null) {
                throw new IllegalStateException("ejb-module/target/classes is not on the class path");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.stripLeading().startsWith("--")).collect(Collectors.joining("\n"));
            Matcher m = Pattern.compile("\\?(\\d+)").matcher(text);
            List<Integer> order = new ArrayList<>();
            StringBuilder jdbc = new StringBuilder();
            while (m.find()) {
                order.add(Integer.parseInt(m.group(1)));
                m.appendReplacement(jdbc, "?");
            }
            m.appendTail(jdbc);
            return new SearchStatement(jdbc.toString(), order);
        }
    }
}
