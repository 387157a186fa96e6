package io.edgefleet.driver.opcua;

import io.edgefleet.driver.DeviceConnection;
import io.edgefleet.driver.DriverException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.milo.opcua.sdk.client.DiscoveryClient;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.OpcUaClientConfigBuilder;
import org.eclipse.milo.opcua.sdk.client.identity.AnonymousProvider;
import org.eclipse.milo.opcua.sdk.client.identity.IdentityProvider;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.core.util.EndpointUtil;

/**
 * Builds and connects a Milo client for one device within the connect timeout, turning every way
 * that can fail into a {@link DriverException} ({@code unreachable} or {@code timeout}).
 */
final class OpcUaConnector {
    private OpcUaConnector() {}

    /** A client whose session is active, or a {@link DriverException}. */
    static OpcUaClient connect(DeviceConnection connection, OpcUaSettings settings) {
        Duration connectTimeout = connection.timeouts().connect();
        EndpointDescription endpoint = discover(connection, settings);
        OpcUaClient client;
        try {
            client = OpcUaClient.create(
                    new OpcUaClientConfigBuilder()
                            .setEndpoint(endpoint)
                            .setApplicationName(LocalizedText.english("EdgeFleet edge daemon"))
                            .setApplicationUri("urn:edgefleet:edge:driver-opcua")
                            .setProductUri("urn:edgefleet")
                            .setSessionName(() -> "edgefleet " + connection.device())
                            .setRequestTimeout(uint(connection.timeouts().request()))
                            .setIdentityProvider(identity(settings))
                            .build(),
                    transport -> transport.setConnectTimeout(uint(connectTimeout)));
        } catch (UaException e) {
            throw DriverException.unreachable(
                    connection.device(), "cannot create an OPC UA client: " + e.getMessage(), e);
        }
        try {
            client.connectAsync().get(connectTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return client;
        } catch (TimeoutException e) {
            client.disconnectAsync();
            throw timeout(connection, "no OPC UA session within " + connectTimeout.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            client.disconnectAsync();
            throw failure(connection, "cannot open an OPC UA session at " + settings.endpointUrl(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            client.disconnectAsync();
            throw DriverException.unreachable(connection.device(), "interrupted while connecting", e);
        }
    }

    private static EndpointDescription discover(DeviceConnection connection, OpcUaSettings settings) {
        Duration connectTimeout = connection.timeouts().connect();
        CompletableFuture<List<EndpointDescription>> endpoints = DiscoveryClient.getEndpoints(
                settings.endpointUrl(), transport -> transport.setConnectTimeout(uint(connectTimeout)));
        List<EndpointDescription> found;
        try {
            found = endpoints.get(connectTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            endpoints.cancel(true);
            throw timeout(
                    connection,
                    "no answer to GetEndpoints from " + settings.endpointUrl() + " within " + connectTimeout.toMillis()
                            + " ms",
                    e);
        } catch (ExecutionException e) {
            throw failure(connection, "cannot get the endpoints of " + settings.endpointUrl(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DriverException.unreachable(connection.device(), "interrupted while connecting", e);
        }
        Optional<EndpointDescription> none = found.stream()
                .filter(e -> SecurityPolicy.None.getUri().equals(e.getSecurityPolicyUri()))
                .filter(e -> e.getSecurityMode() == MessageSecurityMode.None)
                .findFirst();
        if (none.isEmpty()) {
            throw DriverException.unreachable(
                    connection.device(),
                    settings.endpointUrl() + " offers no endpoint with security policy None (it offers "
                            + found.stream()
                                    .map(EndpointDescription::getSecurityPolicyUri)
                                    .distinct()
                                    .toList()
                            + ")");
        }
        // Servers often advertise a host name the edge cannot resolve: keep the configured host and port.
        return EndpointUtil.updateUrl(none.get(), settings.host(), settings.port());
    }

    private static IdentityProvider identity(OpcUaSettings settings) {
        if (settings.username().isPresent()) {
            return new UsernameProvider(
                    settings.username().get(), settings.password().orElse(""));
        }
        return new AnonymousProvider();
    }

    private static DriverException timeout(DeviceConnection connection, String what, Exception cause) {
        DriverException plain = DriverException.timeout(connection.device(), what);
        return new DriverException(plain.code(), plain.httpStatus(), plain.getMessage(), plain.hint(), cause);
    }

    private static DriverException failure(DeviceConnection connection, String what, ExecutionException failed) {
        Throwable cause = failed.getCause() == null ? failed : failed.getCause();
        Throwable root = cause;
        while (root.getCause() != null) {
            if (root instanceof ConnectException) {
                break;
            }
            root = root.getCause();
        }
        Optional<String> status = UaException.extractStatusCode(cause).map(OpcUaValues::describe);
        if (status.isPresent() && status.get().startsWith("Bad_Timeout")) {
            return timeout(connection, what + ": " + status.get(), failed);
        }
        String detail = status.orElse(root.getClass().getSimpleName() + ": " + root.getMessage());
        return DriverException.unreachable(connection.device(), what + ": " + detail, failed);
    }

    static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger uint(Duration duration) {
        return org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger.valueOf(
                Math.min(duration.toMillis(), 0xFFFF_FFFFL));
    }
}
