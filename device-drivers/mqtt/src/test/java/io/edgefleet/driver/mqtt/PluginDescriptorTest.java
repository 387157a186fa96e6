package io.edgefleet.driver.mqtt;

import io.edgefleet.driver.contract.PluginDescriptorContractTest;

class PluginDescriptorTest extends PluginDescriptorContractTest {}
