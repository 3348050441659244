package sportello.ports.out;

import sportello.ports.in.CheckHealth;

/** Driven port: one thing whose health Sportello depends on (the database, the disk, a remote API). */
public interface HealthProbe {

    String name();

    CheckHealth.Check probe();
}
