/**
 * Covered: 2025 and 2026. 2027 and later (and 2024 and earlier) are NOT covered yet.
 *
 * China's public holidays and adjusted working days (调休) as the State Council's General Office
 * publishes them each autumn for the next year. The data is the notice itself, transcribed: which
 * days are off (放假) and which weekend days are worked (上班). A year not listed here is *not
 * covered*: `workingDayCalendar` then falls back to Monday–Friday and says so (`covered: false`),
 * so a deadline computed there may be off by the holidays of that year. Add the next year's notice
 * when it is published (usually in November), from the official text at www.gov.cn.
 */
export interface HolidayNotice {
  year: number;
  /** The notice's title and document number, as published. */
  source: string;
  /** Date of the notice. */
  published: string;
  /** Where the text was read (the notice is published by Xinhua and on www.gov.cn). */
  readFrom: string;
  /** Days off, by holiday (放假), inclusive date ranges. */
  holidays: readonly { name: string; from: string; to: string }[];
  /** Weekend days that are working days (调休上班). */
  workdays: readonly string[];
}

export const CHINA_HOLIDAY_NOTICES: readonly HolidayNotice[] = [
  {
    year: 2025,
    source: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）',
    published: '2024-11-12',
    readFrom: '新华社北京2024年11月12日电，通知全文',
    holidays: [
      { name: '元旦', from: '2025-01-01', to: '2025-01-01' },
      { name: '春节', from: '2025-01-28', to: '2025-02-04' },
      { name: '清明节', from: '2025-04-04', to: '2025-04-06' },
      { name: '劳动节', from: '2025-05-01', to: '2025-05-05' },
      { name: '端午节', from: '2025-05-31', to: '2025-06-02' },
      { name: '国庆节、中秋节', from: '2025-10-01', to: '2025-10-08' },
    ],
    workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  {
    year: 2026,
    // The document number was not in the text read; add it from www.gov.cn when checked.
    source: '国务院办公厅关于2026年部分节假日安排的通知',
    published: '2025-11-04',
    readFrom: '新华社北京2025年11月4日电，通知全文（光明网转载 https://politics.gmw.cn/2025-11/04/content_38391083.htm）',
    holidays: [
      { name: '元旦', from: '2026-01-01', to: '2026-01-03' },
      { name: '春节', from: '2026-02-15', to: '2026-02-23' },
      { name: '清明节', from: '2026-04-04', to: '2026-04-06' },
      { name: '劳动节', from: '2026-05-01', to: '2026-05-05' },
      { name: '端午节', from: '2026-06-19', to: '2026-06-21' },
      { name: '中秋节', from: '2026-09-25', to: '2026-09-27' },
      { name: '国庆节', from: '2026-10-01', to: '2026-10-07' },
    ],
    workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
];
