/**
 * The {@code mqtt} device driver: devices that publish their state as JSON to a topic and take
 * JSON commands on another, through an MQTT broker (Eclipse Paho, MQTT 5).
 *
 * <p>Start at {@link io.edgefleet.driver.mqtt.MqttDeviceDriver}: its comment lists every connection
 * and visitor key. {@link io.edgefleet.driver.mqtt.MqttDeviceSession} keeps the last state received
 * per topic and answers reads from it; {@link io.edgefleet.driver.mqtt.JsonValues} turns JSON at a
 * pointer into property values and values into command payloads.
 *
 * <p>Log ids: {@code EF4201} the connection to the broker was lost (Paho keeps reconnecting), {@code
 * EF4202} connected again and state topics subscribed again, {@code EF4203} a subscribe to a state
 * topic failed, {@code EF4204} a subscription listener threw.
 */
package io.edgefleet.driver.mqtt;
