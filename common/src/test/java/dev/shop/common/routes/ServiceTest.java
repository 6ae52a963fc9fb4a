package dev.shop.common.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import org.junit.jupiter.api.Test;

class ServiceTest {

    @Test
    void theHandlerEveryServiceRunsIsALambdaRequestHandlerOnTheClasspath() throws ClassNotFoundException {
        Class<?> handler = Class.forName(Service.HANDLER, false, ServiceTest.class.getClassLoader());

        assertThat(RequestHandler.class).isAssignableFrom(handler);
    }
}
