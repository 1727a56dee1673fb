package org.nashir.importer;

/** The small WordPress export of {@link WxrImportTest}, for the command-line tests in another package. */
public final class WxrImportTestExport {
    private WxrImportTestExport() {}

    public static String xml() {
        return WxrImportTest.export("");
    }
}
