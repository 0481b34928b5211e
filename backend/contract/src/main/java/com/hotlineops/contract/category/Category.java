package com.hotlineops.contract.category;

/**
 * One node of the category tree (诉求分类): a top-level domain ({@code parentCode} null) or a category under it.
 * Codes are stable: tickets, Open311 service codes and reports refer to them.
 *
 * @param name   Chinese name, as agents and reports use it
 * @param nameEn English name
 */
public record Category(String code, String parentCode, String name, String nameEn) {

    public boolean topLevel() {
        return parentCode == null;
    }
}
