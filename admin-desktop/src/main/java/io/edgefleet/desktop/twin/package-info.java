/**
 * The twin view: a device's desired, reported and delta per property with unit, quality and time; a
 * desired value checked against the device model ({@link io.edgefleet.desktop.twin.DesiredValueCheck}:
 * type, range, symbols, ReadOnly) before it is sent, the server's refusal shown when one still comes;
 * and a history chart of one property. Start at {@link io.edgefleet.desktop.twin.TwinViewModel}.
 */
package io.edgefleet.desktop.twin;
