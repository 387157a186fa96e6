package io.edgefleet.driver.modbus;

import io.edgefleet.driver.contract.PluginDescriptorContractTest;

class PluginDescriptorTest extends PluginDescriptorContractTest {}
