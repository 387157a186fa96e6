/**
 * The {@code simulated} device driver: devices without hardware, for the demo, for the edge
 * daemon's tests and for trying a device model before the machine is wired.
 *
 * <p>Start at {@link io.edgefleet.driver.simulated.SimulatedDriver}: its comment lists every
 * connection and visitor key. {@link io.edgefleet.driver.simulated.Generator} says how values are
 * made, {@link io.edgefleet.driver.simulated.SimulatedSession} how reads, writes, faults and
 * subscriptions behave. Values are deterministic for a given configuration and clock (seeded
 * random walks, sine waves of the session's age), so tests can assert exact readings.
 *
 * <p>Log ids: {@code EF4001} a subscription listener threw, {@code EF4002} a subscription tick
 * failed unexpectedly, {@code EF4003} a simulated device stops answering (fault injection), {@code
 * EF4004} it answers again.
 */
package io.edgefleet.driver.simulated;
