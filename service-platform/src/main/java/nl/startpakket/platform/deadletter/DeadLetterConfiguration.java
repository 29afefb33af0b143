package nl.startpakket.platform.deadletter;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/** Alarm on every dead letter, and the coordinator's desk to inspect and replay them. */
@Configuration(proxyBeanMethods = false)
@Import(DeadLetterController.class)
public class DeadLetterConfiguration {

    @Bean
    public DeadLetterAlarm deadLetterAlarm(MeterRegistry meterRegistry) {
        return new DeadLetterAlarm(meterRegistry);
    }

    @Bean
    public DeadLetterDesk deadLetterDesk(Environment environment, BindingServiceProperties bindings) {
        Set<String> consumed = new TreeSet<>();
        bindings.getBindings().forEach((name, binding) -> {
            if (name.endsWith("-in-0") && binding.getDestination() != null) {
                consumed.add(binding.getDestination());
            }
        });
        // the binder keeps its own configuration in a child context: read the same property it reads
        String brokers = environment.getProperty("spring.cloud.stream.kafka.binder.brokers", "localhost:9092");
        return new DeadLetterDesk(brokers, consumed);
    }
}
