package org.maho.datasync.entity.content;

/** CMS static blocks with their store links; see {@link CmsContentHandler}. */
public final class CmsBlockHandler extends CmsContentHandler {
    public CmsBlockHandler() {
        super("cms_block", "cms_block", "block_id", "cms_block_store", "cms_blocks", "block", "blocks");
    }

    /** Blocks come before the categories whose landing page they are; their directives name products and categories. */
    @Override
    public java.util.List<String> revisitAfter() {
        return java.util.List.of("product");
    }
}
