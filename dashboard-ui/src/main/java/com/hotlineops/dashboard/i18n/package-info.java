/**
 * Every visible string of the UI, by key, from {@code vaadin-i18n/translations*.properties}. Chinese (zh-CN) is
 * the default for every new UI, whatever the kiosk browser's language; English is the fallback bundle.
 */
package com.hotlineops.dashboard.i18n;
