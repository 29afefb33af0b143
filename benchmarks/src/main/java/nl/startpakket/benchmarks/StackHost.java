package nl.startpakket.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nl.startpakket.localstack.Service;
import nl.startpakket.localstack.ServiceProcess;
import nl.startpakket.localstack.Stack;

/**
 * The infrastructure JVM of a benchmark run, as the local stack has one: the Kafka broker and the
 * Mongo wire-protocol server in this JVM, the four services as its child processes (all through
 * {@link Stack}'s public API). Kept apart from the load generator so that resident memory and CPU
 * time of the stack are its own.
 *
 * <p>It answers on standard output, on lines starting with {@value #MARK}, to commands read from
 * standard input: {@code kill|start <SERVICE>}, {@code stop <SERVICE>[,<SERVICE>...]}, {@code another <SERVICE>[,<SERVICE>...]}
 * (a further instance of each, started in parallel; answers {@code ok <SERVICE>=<port>:<pid>...}), {@code shutdown}.
 * End of input stops the stack.
 */
public final class StackHost {

    static final String MARK = "@@ ";

    private StackHost() {
    }

    public static void main(String[] args) throws Exception {
        Path data = null;
        Path jars = null;
        List<String> jvmOptions = ServiceProcess.DEFAULT_JVM_OPTIONS;
        List<String[]> environment = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]);
                case "--jars" -> jars = Path.of(args[++i]);
                case "--jvm-options" -> jvmOptions = Arrays.asList(args[++i].trim().split("\\s+"));
                case "--env" -> environment.add(args[++i].split("=", 2));
                default -> throw new IllegalArgumentException("Unknown argument " + args[i]);
            }
        }
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        Stack.Builder builder = Stack.builder().dataDirectory(data).randomPorts().jvmOptions(jvmOptions);
        if (jars != null) {
            builder.jarDirectory(jars);
        }
        environment.forEach(e -> builder.environment(e[0], e[1]));
        Stack stack = builder.build();
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "stack-host-stop"));
        try {
            stack.start();
        } catch (RuntimeException e) {
            out.println(MARK + "error " + oneLine(e.getMessage()));
            System.exit(1);
        }
        StringBuilder ready = new StringBuilder(MARK + "ready kafka=" + stack.kafkaBootstrapServers() + " mongo=" + stack.mongoUri());
        for (Service service : Service.values()) {
            ServiceProcess process = stack.service(service);
            ready.append(' ').append(service.name()).append('=').append(portAndPid(process));
        }
        out.println(ready);

        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String[] command = line.trim().split("\\s+");
            try {
                switch (command[0]) {
                    case "kill" -> {
                        stack.service(Service.valueOf(command[1])).kill();
                        out.println(MARK + "ok");
                    }
                    case "stop" -> {
                        // one or more services, comma-separated, stopped in parallel
                        Arrays.stream(command[1].split(",")).parallel()
                                .forEach(name -> stack.service(Service.valueOf(name)).stop(Stack.STOP_GRACE));
                        out.println(MARK + "ok");
                    }
                    case "start" -> {
                        ServiceProcess process = stack.service(Service.valueOf(command[1]));
                        process.start().awaitReady(Stack.READY_TIMEOUT);
                        out.println(MARK + "ok " + process.pid());
                    }
                    case "another" -> {
                        String started = Arrays.stream(command[1].split(",")).parallel()
                                .map(name -> name + "=" + portAndPid(stack.startAnotherInstance(Service.valueOf(name))))
                                .collect(java.util.stream.Collectors.joining(" "));
                        out.println(MARK + "ok " + started);
                    }
                    case "shutdown" -> {
                        stack.stop();
                        out.println(MARK + "ok");
                        System.exit(0);
                    }
                    default -> out.println(MARK + "error unknown command " + line);
                }
            } catch (RuntimeException e) {
                out.println(MARK + "error " + oneLine(String.valueOf(e.getMessage())));
            }
        }
        stack.stop();
        System.exit(0);
    }

    private static String portAndPid(ServiceProcess process) {
        return process.port() + ":" + process.pid();
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replace('\n', ' ').replace('\r', ' ');
    }
}
