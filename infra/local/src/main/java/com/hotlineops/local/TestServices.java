package com.hotlineops.local;

/**
 * One set of PostgreSQL and Redis per test JVM, started on first use and stopped when the JVM exits. Spring test
 * contexts cached by the test framework share it, each test class isolating itself by what it creates.
 */
public final class TestServices {

    private static EmbeddedServices services;

    private TestServices() {
    }

    public static synchronized EmbeddedServices get() {
        if (services == null) {
            services = EmbeddedServices.forTests();
            EmbeddedServices started = services;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "test-services-stop"));
        }
        return services;
    }
}
