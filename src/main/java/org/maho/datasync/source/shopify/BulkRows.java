package org.maho.datasync.source.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.maho.datasync.source.csv.CsvRow;

/**
 * What the Admin API's bulk queries ask for, and their answers as the lines of Shopify's own CSV exports, so that an
 * answer becomes records through the same formats as an export: a product as its variant lines (the product's fields on
 * the first, an image per line), an order as its line item lines, a customer as one line. Column names are the
 * exports' ({@link ShopifyExport}); a value the API does not give is left empty, as the export leaves it.
 */
final class BulkRows {

    private static final String MONEY = "{ shopMoney { amount } }";
    private static final String ADDRESS = "{ name firstName lastName company address1 address2 city zip province provinceCode"
            + " countryCodeV2 phone }";

    private BulkRows() {}

    /** The bulk query that reads what an export holds. */
    static String query(ShopifyExport export) {
        return switch (export) {
            case PRODUCT -> "{ products { edges { node { id handle title descriptionHtml vendor productType tags status"
                    + " category { fullName } seo { title description } options { name position }"
                    + " variants { edges { node { id sku price compareAtPrice barcode taxable inventoryPolicy inventoryQuantity"
                    + " selectedOptions { name value } image { url } inventoryItem { tracked requiresShipping unitCost { amount }"
                    + " measurement { weight { unit value } } } } } }"
                    + " media { edges { node { ... on MediaImage { id image { url altText } } } } } } } } }";
            case CUSTOMER -> "{ customers { edges { node { id email firstName lastName emailMarketingConsent { marketingState }"
                    + " defaultAddress { company address1 address2 city province provinceCode country countryCodeV2 zip phone } } } } }";
            case ORDER -> "{ orders { edges { node { id name email createdAt cancelledAt displayFinancialStatus"
                    + " displayFulfillmentStatus currencyCode note discountCodes paymentGatewayNames"
                    + " subtotalPriceSet " + MONEY + " totalShippingPriceSet " + MONEY + " totalTaxSet " + MONEY
                    + " totalPriceSet " + MONEY + " totalDiscountsSet " + MONEY + " totalRefundedSet " + MONEY
                    + " billingAddress " + ADDRESS + " shippingAddress " + ADDRESS + " shippingLine { title }"
                    + " lineItems { edges { node { id name sku quantity requiresShipping originalUnitPriceSet " + MONEY
                    + " totalDiscountSet " + MONEY + " } } } } } } }";
        };
    }

    /** A top-level object of the answer and its children as the export's lines. */
    static List<CsvRow> rows(ShopifyExport export, BulkLines.Group group, String source) {
        List<Map<String, String>> lines = switch (export) {
            case PRODUCT -> product(group);
            case CUSTOMER -> List.of(customer(group.root()));
            case ORDER -> order(group);
        };
        List<CsvRow> rows = new ArrayList<>();
        for (Map<String, String> line : lines) {
            rows.add(new CsvRow(source, rows.size() + 1, line, null));
        }
        return rows;
    }

    private static List<Map<String, String>> product(BulkLines.Group group) {
        JsonNode product = group.root();
        List<JsonNode> variants = new ArrayList<>();
        List<JsonNode> images = new ArrayList<>();
        for (JsonNode child : group.children()) {
            String id = child.path("id").asText();
            if (id.contains("/ProductVariant/")) {
                variants.add(child);
            } else if (child.path("image").has("url")) {
                images.add(child.path("image"));
            }
        }
        List<Map<String, String>> lines = new ArrayList<>();
        for (int i = 0; i < Math.max(1, Math.max(variants.size(), images.size())); i++) {
            Map<String, String> line = new LinkedHashMap<>();
            line.put("Handle", text(product, "handle"));
            if (i == 0) {
                line.put("Title", text(product, "title"));
                line.put("Body (HTML)", text(product, "descriptionHtml"));
                line.put("Vendor", text(product, "vendor"));
                line.put("Type", text(product, "productType"));
                line.put("Product Category", text(product.path("category"), "fullName"));
                line.put("Tags", join(product.path("tags"), ", "));
                line.put("Status", lower(text(product, "status")));
                line.put("SEO Title", text(product.path("seo"), "title"));
                line.put("SEO Description", text(product.path("seo"), "description"));
                for (JsonNode option : product.path("options")) {
                    line.put("Option" + option.path("position").asInt() + " Name", text(option, "name"));
                }
            }
            if (i < variants.size()) {
                variant(line, variants.get(i), product.path("options"));
            }
            if (i < images.size()) {
                line.put("Image Src", text(images.get(i), "url"));
                line.put("Image Position", String.valueOf(i + 1));
                line.put("Image Alt Text", text(images.get(i), "altText"));
            }
            lines.add(line);
        }
        return lines;
    }

    private static void variant(Map<String, String> line, JsonNode variant, JsonNode options) {
        for (JsonNode selected : variant.path("selectedOptions")) {
            for (JsonNode option : options) {
                if (option.path("name").asText().equals(selected.path("name").asText())) {
                    line.put("Option" + option.path("position").asInt() + " Value", text(selected, "value"));
                }
            }
        }
        JsonNode item = variant.path("inventoryItem");
        line.put("Variant SKU", text(variant, "sku"));
        line.put("Variant Price", text(variant, "price"));
        line.put("Variant Compare At Price", text(variant, "compareAtPrice"));
        line.put("Variant Barcode", text(variant, "barcode"));
        line.put("Variant Taxable", text(variant, "taxable"));
        line.put("Variant Inventory Policy", lower(text(variant, "inventoryPolicy")));
        line.put("Variant Inventory Qty", text(variant, "inventoryQuantity"));
        line.put("Variant Inventory Tracker", item.path("tracked").asBoolean() ? "shopify" : null);
        line.put("Variant Requires Shipping", text(item, "requiresShipping"));
        line.put("Cost per item", text(item.path("unitCost"), "amount"));
        line.put("Variant Grams", grams(item.path("measurement").path("weight")));
        line.put("Variant Image", text(variant.path("image"), "url"));
    }

    /** A weight in its unit (GRAMS, KILOGRAMS, OUNCES, POUNDS) in grams, as the export gives it. */
    private static String grams(JsonNode weight) {
        if (!weight.has("value") || weight.path("value").isNull()) {
            return null;
        }
        BigDecimal value = new BigDecimal(weight.path("value").asText());
        BigDecimal factor = switch (weight.path("unit").asText()) {
            case "KILOGRAMS" -> new BigDecimal("1000");
            case "OUNCES" -> new BigDecimal("28.349523125");
            case "POUNDS" -> new BigDecimal("453.59237");
            default -> BigDecimal.ONE;
        };
        return value.multiply(factor).stripTrailingZeros().toPlainString();
    }

    private static Map<String, String> customer(JsonNode customer) {
        Map<String, String> line = new LinkedHashMap<>();
        JsonNode address = customer.path("defaultAddress");
        line.put("Customer ID", id(customer));
        line.put("First Name", text(customer, "firstName"));
        line.put("Last Name", text(customer, "lastName"));
        line.put("Email", text(customer, "email"));
        line.put("Accepts Email Marketing", "SUBSCRIBED".equals(customer.path("emailMarketingConsent").path("marketingState").asText())
                ? "yes" : "no");
        line.put("Company", text(address, "company"));
        line.put("Address1", text(address, "address1"));
        line.put("Address2", text(address, "address2"));
        line.put("City", text(address, "city"));
        line.put("Province", text(address, "province"));
        line.put("Province Code", text(address, "provinceCode"));
        line.put("Country Code", text(address, "countryCodeV2"));
        line.put("Zip", text(address, "zip"));
        line.put("Phone", text(address, "phone"));
        return line;
    }

    private static List<Map<String, String>> order(BulkLines.Group group) {
        JsonNode order = group.root();
        List<Map<String, String>> lines = new ArrayList<>();
        for (JsonNode item : group.children().isEmpty() ? List.<JsonNode>of(order.path("none")) : group.children()) {
            Map<String, String> line = new LinkedHashMap<>();
            line.put("Name", text(order, "name"));
            line.put("Email", text(order, "email"));
            line.put("Created at", text(order, "createdAt"));
            if (lines.isEmpty()) {
                line.put("Id", id(order));
                line.put("Financial Status", lower(text(order, "displayFinancialStatus")));
                String fulfilment = lower(text(order, "displayFulfillmentStatus"));
                line.put("Fulfillment Status", "partially_fulfilled".equals(fulfilment) ? "partial" : fulfilment);
                line.put("Cancelled at", text(order, "cancelledAt"));
                line.put("Currency", text(order, "currencyCode"));
                line.put("Subtotal", money(order, "subtotalPriceSet"));
                line.put("Shipping", money(order, "totalShippingPriceSet"));
                line.put("Taxes", money(order, "totalTaxSet"));
                line.put("Total", money(order, "totalPriceSet"));
                line.put("Discount Amount", money(order, "totalDiscountsSet"));
                line.put("Refunded Amount", money(order, "totalRefundedSet"));
                line.put("Discount Code", join(order.path("discountCodes"), ", "));
                line.put("Payment Method", join(order.path("paymentGatewayNames"), ", "));
                line.put("Shipping Method", text(order.path("shippingLine"), "title"));
                line.put("Notes", text(order, "note"));
                address(line, "Billing ", order.path("billingAddress"));
                address(line, "Shipping ", order.path("shippingAddress"));
            }
            line.put("Lineitem name", text(item, "name"));
            line.put("Lineitem sku", text(item, "sku"));
            line.put("Lineitem quantity", text(item, "quantity"));
            line.put("Lineitem price", money(item, "originalUnitPriceSet"));
            line.put("Lineitem discount", money(item, "totalDiscountSet"));
            line.put("Lineitem requires shipping", text(item, "requiresShipping"));
            lines.add(line);
        }
        return lines;
    }

    private static void address(Map<String, String> line, String prefix, JsonNode address) {
        line.put(prefix + "Name", text(address, "name"));
        line.put(prefix + "Company", text(address, "company"));
        line.put(prefix + "Address1", text(address, "address1"));
        line.put(prefix + "Address2", text(address, "address2"));
        line.put(prefix + "City", text(address, "city"));
        line.put(prefix + "Zip", text(address, "zip"));
        line.put(prefix + "Province", text(address, "provinceCode"));
        line.put(prefix + "Province Name", text(address, "province"));
        line.put(prefix + "Country", text(address, "countryCodeV2"));
        line.put(prefix + "Phone", text(address, "phone"));
    }

    /** A global id's number ({@code gid://shopify/Order/6798481555755}), as the export gives it. */
    private static String id(JsonNode object) {
        String id = text(object, "id");
        return id == null ? null : id.substring(id.lastIndexOf('/') + 1);
    }

    private static String money(JsonNode object, String field) {
        return text(object.path(field).path("shopMoney"), "amount");
    }

    private static String text(JsonNode object, String field) {
        JsonNode value = object.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }

    private static String join(JsonNode values, String separator) {
        List<String> parts = new ArrayList<>();
        values.forEach(value -> parts.add(value.asText()));
        return parts.isEmpty() ? null : String.join(separator, parts);
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }
}
