package io.edgefleet.driver.opcua.testserver;

import io.edgefleet.testsupport.Ports;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.server.nodes.filters.AttributeFilters;
import org.eclipse.milo.opcua.sdk.server.util.SubscriptionModel;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransportConfig;

/**
 * The test peer: a real OPC UA server (Eclipse Milo's server SDK) on a loopback port, with a small
 * namespace ({@code ns=2}, string ids such as {@code ns=2;s=Temperature}) of variables of several
 * types. {@link #shared()} is started once per test JVM (a first start takes ~1.5 s); tests that stop
 * the server start their own with {@link #start}. The driver's tests use it, and so does the edge
 * daemon's, through this module's test-jar (only this package is in it).
 */
public final class OpcUaTestServer {
    public static final String NAMESPACE = "urn:edgefleet:test";
    public static final String PATH = "/edgefleet";

    private static OpcUaTestServer shared;

    private final int port;
    private final OpcUaServer server;
    private final ScheduledExecutorService ticker;
    private final TestNamespace namespace;

    private OpcUaTestServer(int port, OpcUaServer server, ScheduledExecutorService ticker, TestNamespace namespace) {
        this.port = port;
        this.server = server;
        this.ticker = ticker;
        this.namespace = namespace;
    }

    /** The server every test class of this JVM shares; never stopped. */
    public static synchronized OpcUaTestServer shared() {
        if (shared == null) {
            shared = start(Ports.free());
        }
        return shared;
    }

    /** A server of its own on {@code port}, started and answering. */
    public static OpcUaTestServer start(int port) {
        EndpointConfig endpoint = EndpointConfig.newBuilder()
                .setBindAddress("127.0.0.1")
                .setHostname("127.0.0.1")
                .setBindPort(port)
                .setPath(PATH)
                .setSecurityPolicy(SecurityPolicy.None)
                .setSecurityMode(MessageSecurityMode.None)
                .addTokenPolicies(
                        OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS, OpcUaServerConfig.USER_TOKEN_POLICY_USERNAME)
                .build();
        OpcUaServerConfig config = OpcUaServerConfig.builder()
                .setApplicationUri("urn:edgefleet:test:server")
                .setApplicationName(LocalizedText.english("EdgeFleet test server"))
                .setProductUri("urn:edgefleet:test")
                .setCertificateManager(new DefaultCertificateManager(new MemoryCertificateQuarantine()))
                .setEndpoints(Set.of(endpoint))
                .build();
        OpcUaServer server = new OpcUaServer(
                config,
                profile -> new OpcTcpServerTransport(
                        OpcTcpServerTransportConfig.newBuilder().build()));
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "opcua-test-ticker");
            thread.setDaemon(true);
            return thread;
        });
        TestNamespace namespace = new TestNamespace(server, ticker);
        namespace.startup();
        try {
            server.startup().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the Milo test server did not start on port " + port, e);
        }
        return new OpcUaTestServer(port, server, ticker, namespace);
    }

    public int port() {
        return port;
    }

    public String url() {
        return "opc.tcp://127.0.0.1:" + port + PATH;
    }

    /** The value the server holds for a variable of the namespace ({@code "Setpoint"}), as a client wrote it. */
    public Object value(String variable) {
        return namespace.value(variable);
    }

    /** Stops answering: the port is closed and every session ends. */
    public void stop() {
        ticker.shutdownNow();
        try {
            server.shutdown().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the Milo test server did not stop", e);
        }
    }

    private static final class TestNamespace extends ManagedNamespaceWithLifecycle {
        private final ScheduledExecutorService ticker;
        private final AtomicInteger counter = new AtomicInteger();
        private final SubscriptionModel subscriptions;

        TestNamespace(OpcUaServer server, ScheduledExecutorService ticker) {
            super(server, NAMESPACE);
            this.ticker = ticker;
            this.subscriptions = new SubscriptionModel(server, this);
            getLifecycleManager().addLifecycle(subscriptions);
            getLifecycleManager().addStartupTask(this::build);
        }

        @Override
        public void onDataItemsCreated(List<DataItem> items) {
            subscriptions.onDataItemsCreated(items);
        }

        @Override
        public void onDataItemsModified(List<DataItem> items) {
            subscriptions.onDataItemsModified(items);
        }

        @Override
        public void onDataItemsDeleted(List<DataItem> items) {
            subscriptions.onDataItemsDeleted(items);
        }

        @Override
        public void onMonitoringModeChanged(List<MonitoredItem> items) {
            subscriptions.onMonitoringModeChanged(items);
        }

        private void build() {
            UaFolderNode folder = new UaFolderNode(
                    getNodeContext(), newNodeId("Device"), newQualifiedName("Device"), LocalizedText.english("Device"));
            getNodeManager().addNode(folder);
            folder.addReference(new Reference(
                    folder.getNodeId(),
                    NodeIds.Organizes,
                    NodeIds.ObjectsFolder.expanded(),
                    Reference.Direction.INVERSE));

            variable(folder, "Temperature", NodeIds.Double, Variant.ofDouble(21.5), AccessLevel.READ_ONLY);
            UaVariableNode counterNode =
                    variable(folder, "Counter", NodeIds.Int32, Variant.ofInt32(0), AccessLevel.READ_ONLY);
            variable(folder, "Setpoint", NodeIds.Double, Variant.ofDouble(22.0), AccessLevel.READ_WRITE);
            variable(folder, "Level", NodeIds.Int16, Variant.ofInt16((short) 10), AccessLevel.READ_WRITE);
            variable(
                    folder,
                    "Total",
                    NodeIds.UInt32,
                    Variant.ofUInt32(UInteger.valueOf(4_000_000_000L)),
                    AccessLevel.READ_ONLY);
            variable(folder, "Speed", NodeIds.Float, Variant.ofFloat(1.5f), AccessLevel.READ_WRITE);
            variable(folder, "Running", NodeIds.Boolean, Variant.ofBoolean(true), AccessLevel.READ_WRITE);
            variable(folder, "Label", NodeIds.String, Variant.ofString("press"), AccessLevel.READ_WRITE);
            variable(folder, "Mode", NodeIds.Int32, Variant.ofInt32(1), AccessLevel.READ_WRITE);
            variable(folder, "Locked", NodeIds.Double, Variant.ofDouble(5.0), AccessLevel.READ_ONLY);
            UaVariableNode uncertain =
                    variable(folder, "Uncertain", NodeIds.Double, Variant.ofDouble(7.5), AccessLevel.READ_ONLY);
            uncertain.setValue(
                    new DataValue(Variant.ofDouble(7.5), new StatusCode(StatusCodes.Uncertain_LastUsableValue)));
            UaVariableNode bad = variable(folder, "Broken", NodeIds.Double, Variant.ofDouble(0), AccessLevel.READ_ONLY);
            bad.setValue(new DataValue(new StatusCode(StatusCodes.Bad_SensorFailure)));
            UaVariableNode slow = variable(folder, "Slow", NodeIds.Double, Variant.ofDouble(1), AccessLevel.READ_ONLY);
            slow.getFilterChain().addLast(AttributeFilters.getValue(context -> {
                try {
                    Thread.sleep(3_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new DataValue(Variant.ofDouble(1));
            }));

            ticker.scheduleAtFixedRate(
                    () -> counterNode.setValue(new DataValue(Variant.ofInt32(counter.incrementAndGet()))),
                    20,
                    20,
                    TimeUnit.MILLISECONDS);
        }

        Object value(String variable) {
            return getNodeManager()
                    .getNode(newNodeId(variable))
                    .filter(UaVariableNode.class::isInstance)
                    .map(node -> ((UaVariableNode) node).getValue().getValue().getValue())
                    .orElseThrow(() -> new IllegalArgumentException("no variable " + variable));
        }

        private UaVariableNode variable(
                UaFolderNode folder, String name, NodeId dataType, Variant value, Set<AccessLevel> access) {
            UaVariableNode node = new UaVariableNode.UaVariableNodeBuilder(getNodeContext())
                    .setNodeId(newNodeId(name))
                    .setBrowseName(newQualifiedName(name))
                    .setDisplayName(LocalizedText.english(name))
                    .setDataType(dataType)
                    .setTypeDefinition(NodeIds.BaseDataVariableType)
                    .setAccessLevel(access)
                    .setUserAccessLevel(access)
                    .setValue(new DataValue(value))
                    .build();
            getNodeManager().addNode(node);
            folder.addOrganizes(node);
            return node;
        }
    }
}
