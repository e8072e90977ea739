package io.cuadra.web.platform;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EndpointMetricsTest {

    @Path("orders")
    static class Orders {
        @POST
        public void register() {
        }

        @POST
        @Path("{id: [0-9]+}/pay")
        public void pay() {
        }

        @GET
        @Path("/{id}/")
        public void one() {
        }
    }

    @Test
    void theLabelIsTheTemplateWithoutTheRequestsIdsOrParameterPatterns() throws Exception {
        assertThat(EndpointMetrics.template(Orders.class, Orders.class.getMethod("register"))).isEqualTo("/api/orders");
        assertThat(EndpointMetrics.template(Orders.class, Orders.class.getMethod("pay"))).isEqualTo("/api/orders/{id}/pay");
        assertThat(EndpointMetrics.template(Orders.class, Orders.class.getMethod("one"))).isEqualTo("/api/orders/{id}");
    }
}
