package io.edgefleet.driver.simulated;

import io.edgefleet.driver.PropertyBinding;
import io.edgefleet.driver.Quality;
import io.edgefleet.driver.TypedValue;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * One property of one open simulated device: its generator's running state and the value last
 * written to it. Not thread-safe; {@link SimulatedSession} guards it with the device lock.
 */
final class SimulatedProperty {
    /** What a device's configuration says about one property: immutable, made by validation. */
    record Spec(PropertyBinding binding, Generator generator, Quality quality) {}

    private final PropertyBinding binding;
    private final Generator generator;
    private final Quality quality;
    private final Instant origin;
    private final SplittableRandom random;
    private double position;
    private long count;
    private Optional<TypedValue> written = Optional.empty();

    /** A property of a device powered up at {@code origin}. */
    SimulatedProperty(Spec spec, Instant origin) {
        this.binding = spec.binding();
        this.generator = spec.generator();
        this.quality = spec.quality();
        this.origin = origin;
        if (generator instanceof Generator.RandomWalk walk) {
            this.random = new SplittableRandom(walk.seed());
            this.position = walk.start();
        } else {
            this.random = new SplittableRandom(0);
        }
    }

    PropertyBinding binding() {
        return binding;
    }

    /** The quality every reading of this property has (visitor key {@code quality}). */
    Quality quality() {
        return quality;
    }

    /** The value a read at {@code now} returns: the last written one, else the generator's next. */
    TypedValue next(Instant now) {
        if (written.isPresent()) {
            return written.get();
        }
        return switch (generator) {
            case Generator.Constant constant -> constant.value();
            case Generator.Sine sine -> {
                double seconds = Duration.between(origin, now).toNanos() / 1.0e9;
                double angle = 2 * Math.PI * seconds / sine.periodSeconds();
                yield Generator.number(sine.offset() + sine.amplitude() * Math.sin(angle), binding.type());
            }
            case Generator.RandomWalk walk -> {
                TypedValue current = Generator.number(position, binding.type());
                double step = walk.step() == 0 ? 0 : random.nextDouble(-walk.step(), walk.step());
                position = Math.clamp(position + step, walk.min(), walk.max());
                yield current;
            }
            case Generator.Counter counter ->
                Generator.number(counter.start() + count++ * counter.step(), binding.type());
        };
    }

    /** Keeps a written value: from now on reads return it, as a device holds a setpoint. */
    void remember(TypedValue value) {
        written = Optional.of(value);
    }
}
