package org.hospital.continuity.server.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class OpenApiTest {

    @Test
    @DisplayName("the OpenAPI document describes the incident, instruction, probe and directory endpoints")
    void openApiListsTheApi() {
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/incidents/{id}/recovery"))
                .body(containsString("/api/instructions/{id}/acknowledgements"))
                .body(containsString("/api/probes"))
                .body(containsString("/api/roster/on-duty"))
                .body(containsString("/api/reference/{catalogue}/snapshots"));
    }
}
