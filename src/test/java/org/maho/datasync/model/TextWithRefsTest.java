package org.maho.datasync.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ids in CMS directives, found and replaced without a database. */
class TextWithRefsTest {

    private static final String CONTENT = "<p>{{widget type=\"cms/widget_block\" template=\"cms/widget/static_block/default.phtml\""
            + " block_id=\"5\"}}</p>{{block type=\"cms/block\" id=\"7\"}}{{block type=\"cms/block\" block_id=\"footer_links\"}}"
            + "{{widget type=\"catalog/product_widget_link\" anchor_type=\"default\" id_path=\"product/42/3\"}}"
            + "{{widget type=\"catalog/category_widget_link\" id_path='category/3'}} block_id=\"9\" outside a directive";

    @Test
    void findsBlockProductAndCategoryIdsInsideDirectivesOnly() {
        List<String> found = TextWithRefs.find(CONTENT).stream().map(f -> f.entityType() + ":" + f.id()).toList();

        assertEquals(List.of("cms_block:5", "cms_block:7", "product:42", "category:3", "category:3"), found,
                "a block named by identifier is portable already; text outside a directive is text");
    }

    @Test
    void rendersEachIdAsTheReplacementSaysAndKeepsTheRest() {
        List<TextWithRefs.Span> spans = new ArrayList<>();
        for (TextWithRefs.Found found : TextWithRefs.find("a {{block id=\"7\"}} b {{widget id_path=\"product/42\"}} c")) {
            spans.add(new TextWithRefs.Span(found.start(), found.end(), new Ref(found.entityType(), found.id(), null, Ref.Missing.EMPTY)));
        }
        TextWithRefs text = new TextWithRefs("a {{block id=\"7\"}} b {{widget id_path=\"product/42\"}} c", spans);

        assertEquals("a {{block id=\"70\"}} b {{widget id_path=\"product/420\"}} c", text.render(span -> span.ref().sourceId() + "0"));
    }
}
