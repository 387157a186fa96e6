package io.edgefleet.desktop.ui;

/**
 * Renderer settings the desktop chooses before the JavaFX toolkit starts (Prism reads them once, at
 * start). Called by {@code DesktopMain} and by the benchmark, so that both render the same way.
 */
public final class Rendering {
    /** Prism's switch for drawing region backgrounds from a cached image instead of directly. */
    static final String REGION_CACHING = "prism.disableRegionCaching";

    private Rendering() {}

    /**
     * Region backgrounds are drawn directly, not stretched from a cached image. With the software
     * renderer (no GPU, a VM or remote session, or {@code -Dprism.order=sw}) every visible tree row's
     * background was a 9-slice image blit: profiled while scrolling 10,000 nodes, the render thread spent
     * 12.2 ms of CPU per frame with the cache and 3.8 ms without. A GPU draws plain fills at no cost either
     * way (not measured here: this machine has no GPU). A value given on the command line wins.
     */
    public static void beforeToolkitStarts() {
        if (System.getProperty(REGION_CACHING) == null) {
            System.setProperty(REGION_CACHING, "true");
        }
    }
}
