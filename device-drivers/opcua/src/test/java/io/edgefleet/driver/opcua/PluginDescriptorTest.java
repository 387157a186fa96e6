package io.edgefleet.driver.opcua;

import io.edgefleet.driver.contract.PluginDescriptorContractTest;

class PluginDescriptorTest extends PluginDescriptorContractTest {}
