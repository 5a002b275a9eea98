package io.leadqualifier.broker;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.InetSocketAddress;
import java.net.Socket;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only when a RabbitMQ answers on 127.0.0.1:5672 (CI has one; a fresh machine has none), decided
 * before the service starts, so that a machine without a broker skips the class with a message saying why.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(RequiresBroker.Condition.class)
public @interface RequiresBroker {
    String HOST = "127.0.0.1";
    int PORT = 5672;

    /** Whether something accepts connections on the broker's port. */
    class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(HOST, PORT), 1000);
                return ConditionEvaluationResult.enabled("RabbitMQ answers on " + HOST + ":" + PORT);
            } catch (IOException e) {
                return ConditionEvaluationResult.disabled("Skipped: no RabbitMQ answers on " + HOST + ":" + PORT
                        + " (the broker tests need one; CI has it)");
            }
        }
    }
}
