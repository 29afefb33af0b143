package nl.startpakket.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot be started here (no Docker engine), so this pins what it names against
 * the code: the four services (two replicas each, behind the gateway's ports), only environment
 * variables the services read, the Kafka cluster and MongoDB replica set they point at, their health
 * checks, Prometheus' targets.
 */
class DockerComposeTest {

    /** Spring Boot binds these from the environment without a placeholder (relaxed binding). */
    private static final Set<String> RELAXED_BINDING = Set.of("SERVER_PORT", "SPRING_PROFILES_ACTIVE");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");

    /** The services compose runs; Keycloak stands in for the local stack's identity service. */
    private static final List<Service> CHAIN = Arrays.stream(Service.values()).filter(s -> s != Service.IDENTITY).toList();

    private static Path root;
    private static Map<String, Object> compose;
    private static Map<String, Object> services;

    @BeforeAll
    static void parse() throws IOException {
        root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("docker-compose.yml"))) {
            root = root.getParent();
            assertThat(root).as("docker-compose.yml above the working directory").isNotNull();
        }
        compose = new Yaml().load(Files.readString(root.resolve("docker-compose.yml")));
        services = map(compose.get("services"));
    }

    @Test
    void shouldDefineTheFourServicesOnTheirPortsBuiltFromThisRepository() throws IOException {
        String gateway = read(root.resolve("docker/gateway/nginx.conf"));
        assertThat(list(service("gateway").get("volumes"))).contains("./docker/gateway/nginx.conf:/etc/nginx/nginx.conf:ro");
        for (Service service : CHAIN) {
            Map<String, Object> definition = service(service.module());
            String port = Integer.toString(service.defaultPort());

            // two replicas by default, reached through the gateway's port for the service
            assertThat(definition.get("ports")).as(service.module() + " publishes no port of its own").isNull();
            assertThat(map(definition.get("deploy")).get("replicas")).isEqualTo("${STARTPAKKET_REPLICAS:-2}");
            assertThat(list(service("gateway").get("ports"))).as("gateway ports").contains(port + ":" + port);
            assertThat(gateway).contains("server " + service.module() + ":" + port + " resolve;").contains("listen " + port + ";");
            assertThat(environment(definition)).as(service.module() + " SERVER_PORT").containsEntry("SERVER_PORT", port);
            Map<String, Object> build = map(definition.get("build"));
            assertThat(build.get("context")).isEqualTo(".");
            assertThat(map(build.get("args"))).containsEntry("SERVICE", service.module());
            assertThat(root.resolve(service.module()).resolve("pom.xml")).exists();
        }
        assertThat(read(root.resolve("Dockerfile")))
                .contains("ARG SERVICE")
                .contains("FROM eclipse-temurin:17-jre")
                .contains("${SERVICE}-*-exec.jar");
    }

    @Test
    void shouldPassOnlyEnvironmentVariablesTheServicesRead() {
        for (Service service : CHAIN) {
            Set<String> read = variablesReadBy(service);
            assertThat(read).as("placeholders found for " + service.module())
                    .contains("KAFKA_BOOTSTRAP_SERVERS", "MONGODB_URI", "KAFKA_REPLICATION_FACTOR");

            assertThat(environment(service(service.module())).keySet())
                    .as("environment of %s must be read by its code (placeholders in %s)", service.module(), read)
                    .isSubsetOf(read);
        }
    }

    @Test
    void shouldPointEveryServiceAtTheKafkaClusterAndTheReplicaSetWithItsOwnDatabase() {
        Set<String> databases = new TreeSet<>();
        for (Service service : CHAIN) {
            Map<String, String> env = environment(service(service.module()));
            assertThat(env.get("KAFKA_REPLICATION_FACTOR")).isEqualTo("3");
            for (String broker : env.get("KAFKA_BOOTSTRAP_SERVERS").split(",")) {
                assertThat(services).as("broker " + broker).containsKey(broker.split(":")[0]);
            }
            String uri = env.get("MONGODB_URI");
            assertThat(uri).startsWith("mongodb://").contains("replicaSet=rs0");
            for (String member : uri.substring("mongodb://".length(), uri.indexOf('/', "mongodb://".length())).split(",")) {
                assertThat(services).as("Mongo member " + member).containsKey(member.split(":")[0]);
            }
            String database = mongoDatabaseOf(service);
            assertThat(database).as("spring.data.mongodb.database of " + service.module()).isNotBlank();
            databases.add(database);
            assertThat(map(service(service.module()).get("depends_on")).keySet())
                    .contains("kafka-1", "kafka-2", "kafka-3", "mongo-init");
        }
        assertThat(databases).as("one database per service").hasSize(CHAIN.size());
    }

    @Test
    void shouldRunAThreeNodeKraftClusterAndAThreeMemberReplicaSet() {
        List<String> voters = new ArrayList<>();
        for (int node = 1; node <= 3; node++) {
            Map<String, Object> kafka = service("kafka-" + node);
            Map<String, String> env = environment(kafka);
            assertThat(String.valueOf(kafka.get("image"))).startsWith("apache/kafka:");
            assertThat(env).containsEntry("KAFKA_NODE_ID", Integer.toString(node))
                    .containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
                    .containsEntry("KAFKA_ADVERTISED_LISTENERS", "PLAINTEXT://kafka-" + node + ":9092")
                    .containsEntry("KAFKA_MIN_INSYNC_REPLICAS", "2");
            voters.add(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS"));
        }
        assertThat(voters).containsOnly("1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093");

        for (int member = 1; member <= 3; member++) {
            Map<String, Object> mongo = service("mongo-" + member);
            assertThat(String.valueOf(mongo.get("image"))).isEqualTo("mongo:7");
            assertThat(list(mongo.get("command"))).contains("--replSet", "rs0");
            assertThat(mongo).containsKey("healthcheck");
        }
        String init = String.join(" ", list(service("mongo-init").get("command")));
        assertThat(init).contains("rs.initiate", "_id: 'rs0'", "mongo-1:27017", "mongo-2:27017", "mongo-3:27017");
    }

    @Test
    void shouldCheckEveryServicesReadinessOnItsOwnPort() {
        for (Service service : CHAIN) {
            Map<String, Object> healthcheck = map(service(service.module()).get("healthcheck"));
            assertThat(String.join(" ", list(healthcheck.get("test"))))
                    .contains("http://localhost:" + service.defaultPort() + ServiceProcess.READINESS_PATH);
        }
    }

    @Test
    void shouldLetPrometheusScrapeEveryService() throws IOException {
        Map<String, Object> prometheus = service("prometheus");
        assertThat(list(prometheus.get("volumes")))
                .contains("./docker/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro");

        Map<String, Object> config = new Yaml().load(Files.readString(root.resolve("docker/prometheus/prometheus.yml")));
        Set<String> targets = new TreeSet<>();
        for (Object job : objects(config.get("scrape_configs"))) {
            Map<String, Object> scrape = map(job);
            assertThat(scrape.get("metrics_path")).isEqualTo("/actuator/prometheus");
            // every replica: Docker's DNS answers a service's name with the address of each
            for (Object dns : objects(scrape.get("dns_sd_configs"))) {
                Map<String, Object> lookup = map(dns);
                assertThat(lookup.get("type")).isEqualTo("A");
                list(lookup.get("names")).forEach(name -> targets.add(name + ":" + lookup.get("port")));
            }
        }
        assertThat(targets).isEqualTo(CHAIN.stream()
                .map(s -> s.module() + ":" + s.defaultPort())
                .collect(Collectors.toCollection(TreeSet::new)));
    }

    @Test
    void shouldLoadTheAlertRulesIntoPrometheus() throws IOException {
        assertThat(list(service("prometheus").get("volumes")))
                .contains("./docker/prometheus/alerts.yml:/etc/prometheus/alerts.yml:ro");
        Map<String, Object> config = new Yaml().load(Files.readString(root.resolve("docker/prometheus/prometheus.yml")));
        assertThat(list(config.get("rule_files"))).containsExactly("/etc/prometheus/alerts.yml");

        Map<String, Object> alerts = new Yaml().load(Files.readString(root.resolve("docker/prometheus/alerts.yml")));
        assertThat(alerts.keySet()).containsExactly("groups");
        Map<String, List<String>> alertsByGroup = new LinkedHashMap<>();
        for (Object group : objects(alerts.get("groups"))) {
            Map<String, Object> definition = map(group);
            List<String> names = new ArrayList<>();
            for (Object rule : objects(definition.get("rules"))) {
                names.add(checkedAlertRule(map(rule)));
            }
            alertsByGroup.put(String.valueOf(definition.get("name")), names);
        }
        assertThat(alertsByGroup).containsExactly(
                Map.entry("startpakket-messages", List.of("DeadLetterAppeared", "ConsumerLagNotFalling")),
                Map.entry("startpakket-contracts", List.of("ContractCapNearlyReached", "ContractCapReached",
                        "ContractBudgetNearlyUsed", "ContractBudgetUsedUp")),
                Map.entry("startpakket-packing", List.of("PackingJobsOverdue")),
                Map.entry("startpakket-services", List.of("ServiceDown")));
    }

    @Test
    void shouldRunGrafanaWithTheDataSourceAndTheDashboardFromThisRepository() throws IOException {
        Map<String, Object> grafana = service("grafana");
        assertThat(String.valueOf(grafana.get("image"))).as("a pinned Grafana 11 or 12").matches("grafana/grafana:1[12]\\.\\d+\\.\\d+");
        assertThat(list(grafana.get("ports"))).containsExactly("127.0.0.1:3000:3000");
        assertThat(list(grafana.get("depends_on"))).contains("prometheus");
        Map<String, String> env = environment(grafana);
        assertThat(env).containsEntry("GF_AUTH_ANONYMOUS_ENABLED", "false").containsEntry("GF_USERS_ALLOW_SIGN_UP", "false");
        assertThat(env.get("GF_SECURITY_ADMIN_PASSWORD")).startsWith("${GRAFANA_ADMIN_PASSWORD:?");
        assertThat(map(compose.get("volumes"))).containsKey("grafana");

        Map<String, Path> mounts = new LinkedHashMap<>();
        for (String volume : list(grafana.get("volumes"))) {
            String[] parts = volume.split(":");
            if (parts[0].startsWith("./")) {
                assertThat(parts).as(volume).hasSize(3).endsWith("ro");
                assertThat(root.resolve(parts[0])).as(volume).exists();
                mounts.put(parts[1], root.resolve(parts[0]).normalize());
            }
        }
        Path provisioning = mounts.get("/etc/grafana/provisioning");
        assertThat(provisioning).as("provisioning mounted where Grafana reads it").isNotNull();

        Map<String, Object> datasources = new Yaml().load(Files.readString(provisioning.resolve("datasources/prometheus.yml")));
        Map<String, Object> prometheus = map(objects(datasources.get("datasources")).get(0));
        assertThat(prometheus).containsEntry("type", "prometheus").containsEntry("url", "http://prometheus:9090")
                .containsEntry("isDefault", true);
        assertThat(list(service("prometheus").get("command"))).contains("--config.file=/etc/prometheus/prometheus.yml");

        Map<String, Object> providers = new Yaml().load(Files.readString(provisioning.resolve("dashboards/startpakket.yml")));
        Map<String, Object> provider = map(objects(providers.get("providers")).get(0));
        assertThat(provider).containsEntry("type", "file");
        String dashboardsPath = String.valueOf(map(provider.get("options")).get("path"));
        assertThat(mounts).as("the provider's path is the mounted dashboards folder").containsKey(dashboardsPath);
        assertThat(env.get("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH")).isEqualTo(dashboardsPath + "/startpakket.json");

        Path dashboardFile = mounts.get(dashboardsPath).resolve("startpakket.json");
        assertThat(dashboardFile).isEqualTo(root.resolve("docker/grafana/dashboards/startpakket.json"));
        Map<String, Object> dashboard = new Yaml().load(Files.readString(dashboardFile));
        assertThat(dashboard).containsEntry("title", "Startpakket — de keten").containsEntry("uid", "startpakket-keten");
        Map<String, Object> datasourceVariable = map(objects(map(dashboard.get("templating")).get("list")).get(0));
        assertThat(datasourceVariable).containsEntry("name", "datasource").containsEntry("type", "datasource")
                .containsEntry("query", "prometheus");
        List<?> panels = objects(dashboard.get("panels"));
        assertThat(panels).hasSizeGreaterThan(15);
        for (Object panel : panels) {
            Map<String, Object> definition = map(panel);
            if (definition.containsKey("targets")) {
                assertThat(map(definition.get("datasource"))).as("panel " + definition.get("title"))
                        .containsEntry("uid", "${datasource}");
                for (Object target : objects(definition.get("targets"))) {
                    assertThat(String.valueOf(map(target).get("expr"))).as("panel " + definition.get("title")).isNotBlank();
                }
            }
        }
    }

    /**
     * What can be checked of a Prometheus alerting rule without promtool: the keys Prometheus accepts, a name, an
     * expression with balanced brackets, a duration, a severity and annotations in plain words. Its alert name.
     */
    private static String checkedAlertRule(Map<String, Object> rule) {
        String name = String.valueOf(rule.get("alert"));
        assertThat(rule.keySet()).as(name).isSubsetOf("alert", "expr", "for", "keep_firing_for", "labels", "annotations");
        assertThat(name).matches("[A-Z][A-Za-z0-9]+");
        assertThat(balanced(String.valueOf(rule.get("expr")))).as(name + " expr has balanced brackets").isTrue();
        if (rule.containsKey("for")) {
            assertThat(String.valueOf(rule.get("for"))).as(name + " for").matches("\\d+[smhdwy]");
        }
        assertThat(map(rule.get("labels"))).as(name).containsOnlyKeys("severity");
        assertThat(String.valueOf(map(rule.get("labels")).get("severity"))).as(name).isIn("critical", "warning", "info");
        Map<String, Object> annotations = map(rule.get("annotations"));
        assertThat(annotations).as(name).containsOnlyKeys("summary", "description");
        for (Object text : annotations.values()) {
            assertThat(String.valueOf(text)).as(name).isNotBlank()
                    .satisfies(t -> assertThat(t.split("\\{\\{", -1).length).as(name + " templates").isEqualTo(t.split("}}", -1).length));
        }
        return name;
    }

    /** Round, curly and square brackets nest properly outside quoted strings. */
    private static boolean balanced(String expression) {
        String unquoted = expression.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"");
        StringBuilder open = new StringBuilder();
        for (char c : unquoted.toCharArray()) {
            int kind = "([{".indexOf(c);
            if (kind >= 0) {
                open.append(")]}".charAt(kind));
            } else if (")]}".indexOf(c) >= 0) {
                if (open.isEmpty() || open.charAt(open.length() - 1) != c) {
                    return false;
                }
                open.setLength(open.length() - 1);
            }
        }
        return open.isEmpty();
    }

    @Test
    void shouldRunKeycloakWithTheRealmTheServicesTakeTokensFrom() throws IOException {
        Map<String, Object> keycloak = service("keycloak");
        assertThat(String.valueOf(keycloak.get("image"))).startsWith("quay.io/keycloak/keycloak:26");
        assertThat(list(keycloak.get("command"))).contains("start", "--import-realm", "--hostname=http://localhost:8180",
                "--hostname-backchannel-dynamic=true", "--health-enabled=true");
        assertThat(list(keycloak.get("ports"))).containsExactly("8180:8080");
        assertThat(list(keycloak.get("volumes")))
                .contains("./docker/keycloak/startpakket-realm.json:/opt/keycloak/data/import/startpakket-realm.json:ro");
        assertThat(environment(keycloak)).containsEntry("KC_DB", "postgres").containsKey("STARTPAKKET_IDENTITY_CLIENT_SECRET");
        assertThat(map(keycloak.get("depends_on"))).containsKey("keycloak-db");
        assertThat(list(service("keycloak-demo-users").get("profiles"))).containsExactly("demo");
        assertThat(root.resolve("docker/keycloak/demo-users.sh")).exists();

        Map<String, Object> realm = new Yaml().load(Files.readString(root.resolve("docker/keycloak/startpakket-realm.json")));
        assertThat(realm.get("realm")).isEqualTo("startpakket");
        assertThat(((Number) realm.get("accessTokenLifespan")).intValue()).as("a disabled account counts within a minute")
                .isLessThanOrEqualTo(55);
        assertThat(objects(map(realm.get("roles")).get("realm")).stream().map(r -> map(r).get("name")))
                .containsExactlyInAnyOrder("COORDINATOR", "VOLUNTEER", "FINANCE", "EVALUATOR", "SOCIAL_TEAM");
        Map<String, Object> client = map(objects(realm.get("clients")).stream().map(DockerComposeTest::map)
                .filter(c -> "startpakket".equals(c.get("clientId"))).findFirst().orElseThrow());
        assertThat(client.get("secret")).isEqualTo("${STARTPAKKET_IDENTITY_CLIENT_SECRET}");
        assertThat(list(client.get("redirectUris"))).containsExactlyInAnyOrderElementsOf(CHAIN.stream()
                .map(s -> "http://localhost:" + s.defaultPort() + "/login/oauth2/code/startpakket").toList());
        Map<String, String> claims = new LinkedHashMap<>();
        for (Object mapper : objects(client.get("protocolMappers"))) {
            Map<String, Object> config = map(map(mapper).get("config"));
            claims.put(String.valueOf(map(mapper).get("protocolMapper")),
                    String.valueOf(config.getOrDefault("claim.name", config.get("included.client.audience"))));
        }
        assertThat(claims).containsEntry("oidc-usermodel-realm-role-mapper", "roles")
                .containsEntry("oidc-usermodel-attribute-mapper", "municipality")
                .containsEntry("oidc-audience-mapper", "startpakket");

        for (Service service : CHAIN) {
            Map<String, String> env = environment(service(service.module()));
            assertThat(env).containsEntry("STARTPAKKET_IDENTITY_ISSUER", "http://localhost:8180/realms/startpakket")
                    .containsEntry("STARTPAKKET_IDENTITY_DISCOVERY_URL", "http://keycloak:8080/realms/startpakket");
            assertThat(map(service(service.module()).get("depends_on"))).containsKey("keycloak");
        }
    }

    /** {@code ${NAME...}} placeholders in the service's and the platform's configuration, plus relaxed binding. */
    private static Set<String> variablesReadBy(Service service) {
        Set<String> names = new TreeSet<>(RELAXED_BINDING);
        List<Path> files = new ArrayList<>(configurationFiles(root.resolve(service.module()).resolve("src/main/resources")));
        files.add(root.resolve("service-platform/src/main/resources/startpakket-platform.yml"));
        for (Path file : files) {
            Matcher matcher = PLACEHOLDER.matcher(read(file));
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }

    private static List<Path> configurationFiles(Path resources) {
        try (Stream<Path> files = Files.list(resources)) {
            return files.filter(f -> f.getFileName().toString().matches(".*\\.(yml|yaml|properties)")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String mongoDatabaseOf(Service service) {
        Map<String, Object> yaml = new Yaml().load(read(root.resolve(service.module()).resolve("src/main/resources/application.yml")));
        Object database = map(map(map(yaml.get("spring")).get("data")).get("mongodb")).get("database");
        return database == null ? null : database.toString();
    }

    private static Map<String, Object> service(String name) {
        assertThat(services).as("docker-compose services").containsKey(name);
        return map(services.get(name));
    }

    private static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> env = new LinkedHashMap<>();
        Object raw = service.get("environment");
        if (raw instanceof Map<?, ?> entries) {
            entries.forEach((k, v) -> env.put(k.toString(), v == null ? "" : v.toString()));
        } else if (raw instanceof List<?> entries) {
            entries.forEach(e -> {
                String[] kv = e.toString().split("=", 2);
                env.put(kv[0], kv.length > 1 ? kv[1] : "");
            });
        }
        return env;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static List<String> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return ((List<?>) value).stream().map(String::valueOf).toList();
    }

    private static List<?> objects(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<?>) value;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
