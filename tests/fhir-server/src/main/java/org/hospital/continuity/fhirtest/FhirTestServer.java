package org.hospital.continuity.fhirtest;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.provider.JpaSystemProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.provider.ResourceProviderFactory;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * A real HL7 FHIR R4 server (HAPI FHIR JPA on H2) standing in for the HIS in tests.
 *
 * <p>Usage: {@code java -cp <fhir-server.classpath> org.hospital.continuity.fhirtest.FhirTestServer [port] [jdbc-url]}.
 * Port 0 picks a free port. When ready it prints one line {@code FHIR-TEST-SERVER READY <base-url>} to
 * standard output; SIGTERM stops it.
 */
public final class FhirTestServer {

    public static final String READY = "FHIR-TEST-SERVER READY ";

    private FhirTestServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        if (args.length > 1) {
            FhirTestServerConfig.jdbcUrl = args[1];
        }
        AnnotationConfigApplicationContext spring = new AnnotationConfigApplicationContext(FhirTestServerConfig.class);
        FhirContext ctx = spring.getBean(FhirContext.class);

        RestfulServer fhir = new RestfulServer(ctx);
        for (ResourceProviderFactory f : spring.getBeansOfType(ResourceProviderFactory.class).values()) {
            fhir.registerProviders(f.createProviders());
        }
        fhir.registerProvider(spring.getBean(JpaSystemProvider.class));
        fhir.setDefaultPrettyPrint(false);

        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        jetty.addConnector(connector);
        ServletContextHandler handler = new ServletContextHandler();
        handler.setContextPath("/");
        handler.addServlet(new ServletHolder(fhir), "/fhir/*");
        jetty.setHandler(handler);
        jetty.start();

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                jetty.stop();
            } catch (Exception ignored) {
                // stopping anyway
            }
            spring.close();
        }, "fhir-test-server-stop"));

        System.out.println(READY + "http://127.0.0.1:" + connector.getLocalPort() + "/fhir");
        System.out.flush();
        jetty.join();
    }
}
