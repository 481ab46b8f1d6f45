/**
 * The language of platform data (names, categories, facts, departments, measures, bases): the
 * lists are kept in Chinese whatever the UI speaks. Elements holding it carry this `lang`, so an
 * English card renders it with Chinese glyphs, not Japanese ones, and screen readers read it as Chinese.
 */
export const DATA_LANG = 'zh-CN';
