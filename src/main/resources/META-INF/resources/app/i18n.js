// The dashboard's own words in Chinese (default) and English; metric and column labels come from the catalogue
// (GET /api/metrics, and each query answer's columns).

const WORDS = {
  zh: {
    skip: '跳到内容', pages: '页面', filters: '筛选', overview: '总览', regions: '下级地区', rankings: '机关排名', coverage: '报送情况',
    anomalies: '异常', review: '审核队列', report: '年报', compare: '对比',
    province: '省级', city: '市级', county: '县级', nation: '全国', all: '全部', sector: '领域', from: '起始年份', to: '截止年份',
    signIn: '登录', signOut: '退出', tokenLabel: '访问令牌（Bearer token）', signInWhy: '请输入管理员或监管人员的访问令牌。令牌只保存在本标签页（sessionStorage）。',
    badToken: '令牌无效或已撤销。', signedInAs: '已登录', language: 'English',
    loading: '加载中…', error: '出错了', forbidden: '超出您的权限范围', noData: '无数据',
    exportCsv: 'CSV', exportXlsx: 'XLSX', exportLabel: '导出',
    itemsPublished: '主动公开信息条数', requestsOutcomes: '收到申请与办理结果', rates: '公开率、不予公开率与复议纠错率',
    perYear: '逐年数据', yoy: '同比', lastYear: '最近一年', table: '表格',
    outcomesBy: '办理结果（按下级地区）', sortBy: '排序', year: '年份', seatedHere: '本级机关',
    rankBy: '排名指标', rank: '名次', agency: '机关', topN: '前',
    reported: '已报送', notReported: '未报送（往年报送过）', unresolved: '未能确认身份', lastReported: '最近报送年份',
    missingIdentity: '缺少', agencyName: '文件所称机关',
    failedChecks: '勾稽关系不符的年报', chainBreaks: '上年结转与去年结转下年度不一致', rule: '规则', expected: '应为', actual: '实为',
    message: '说明', carriedOver: '本年上年结转', previousForward: '去年结转下年度', column: '列', openReport: '查看年报',
    reviewQueue: '审核队列', reviewMissing: '本服务尚未提供审核队列（GET /api/review 返回 404）。异常列表见“异常”页。',
    reviewLink: '审核队列', reports: '年报列表', format: '格式', revision: '版本', checksFailed: '未通过的勾稽关系',
    missingCells: '缺失单元格', source: '出处', clickFigure: '点击表中任一数字，查看它在原文中的位置。',
    submitted: '该数字由报送方直接提交，没有原文。', derivedFrom: '由其他数字计算得出：', noDocument: '没有原文文件。',
    page: '页', rowLabel: '行', columnLabel: '列', otherFigures: '其他数字', sectionProactive: '二、主动公开政府信息情况',
    sectionRequests: '三、收到和处理政府信息公开申请情况', sectionAppeals: '四、政府信息公开行政复议、行政诉讼情况',
    outcomeGroup: '三、本年度办理结果', legalPersons: '法人或其他组织', review_: '行政复议', litigation: '行政诉讼',
    mode: '对比方式', twoYears: '两个年份', twoRegions: '两个地区', yearA: '年份 A', yearB: '年份 B', regionB: '地区 B',
    metric: '指标', difference: '差值', coverageOf: '覆盖', reportsN: '份年报', agenciesN: '个机关',
    sectorIgnored: '此页不按领域筛选。', allAgencies: '全部机关', value: '数值', kind: '类型', status: '状态',
    items: '条目', reasons: '原因', count: '数量', by: '按规则统计',
  },
  en: {
    skip: 'Skip to content', pages: 'Pages', filters: 'Filters', overview: 'Overview', regions: 'Regions below', rankings: 'Agency rankings',
    coverage: 'Coverage', anomalies: 'Anomalies', review: 'Review queue', report: 'Report', compare: 'Compare',
    province: 'Province', city: 'City', county: 'County', nation: 'Nation', all: 'All', sector: 'Sector', from: 'From', to: 'To',
    signIn: 'Sign in', signOut: 'Sign out', tokenLabel: 'Access token (bearer)', signInWhy: 'Enter an admin or supervisor token. It is kept in this tab only (sessionStorage).',
    badToken: 'The token is unknown or revoked.', signedInAs: 'Signed in', language: '中文',
    loading: 'Loading…', error: 'Something went wrong', forbidden: 'Outside your scope', noData: 'No data',
    exportCsv: 'CSV', exportXlsx: 'XLSX', exportLabel: 'Export',
    itemsPublished: 'Items published proactively', requestsOutcomes: 'Requests received and outcomes',
    rates: 'Grant, refusal and review-correction rates', perYear: 'Per year', yoy: 'YoY', lastYear: 'Latest year', table: 'Table',
    outcomesBy: 'Outcomes by region below', sortBy: 'Sort by', year: 'Year', seatedHere: 'Agencies seated here',
    rankBy: 'Rank by', rank: 'Rank', agency: 'Agency', topN: 'Top',
    reported: 'Reported', notReported: 'Not reported (reported before)', unresolved: 'Unresolved identity', lastReported: 'Last reported',
    missingIdentity: 'Missing', agencyName: 'Agency as written',
    failedChecks: 'Reports failing cross-checks', chainBreaks: 'Carried over ≠ last year\'s carried forward', rule: 'Rule',
    expected: 'Expected', actual: 'Actual', message: 'Message', carriedOver: 'Carried over', previousForward: 'Last year carried forward',
    column: 'Column', openReport: 'Open report', reviewQueue: 'Review queue',
    reviewMissing: 'This service has no review queue yet (GET /api/review answered 404). See the Anomalies page.',
    reviewLink: 'Review queue', reports: 'Reports', format: 'Format', revision: 'Revision', checksFailed: 'Failed cross-checks',
    missingCells: 'Missing cells', source: 'Source', clickFigure: 'Click any figure to see where the document says it.',
    submitted: 'Submitted directly: there is no document text.', derivedFrom: 'Derived from other figures: ', noDocument: 'No document.',
    page: 'page', rowLabel: 'Row', columnLabel: 'Column', otherFigures: 'Other figures', sectionProactive: '2. Proactive disclosure',
    sectionRequests: '3. Requests received and handled', sectionAppeals: '4. Administrative review and litigation',
    outcomeGroup: '3. Outcomes this year', legalPersons: 'Legal persons and other organisations', review_: 'Administrative review',
    litigation: 'Litigation', mode: 'Compare', twoYears: 'Two years', twoRegions: 'Two regions', yearA: 'Year A', yearB: 'Year B',
    regionB: 'Region B', metric: 'Metric', difference: 'Difference', coverageOf: 'Coverage', reportsN: 'reports',
    agenciesN: 'agencies', sectorIgnored: 'The sector filter does not apply to this page.', allAgencies: 'All agencies',
    value: 'Value', kind: 'Kind', status: 'Status', items: 'Items', reasons: 'Reasons', count: 'Count', by: 'By rule',
  },
};

let lang = 'zh';

export function setLanguage(l) {
  lang = l === 'en' ? 'en' : 'zh';
  document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
}

export const language = () => lang;

/** A word of the dashboard in the current language. */
export function t(key) {
  return WORDS[lang][key] ?? WORDS.zh[key] ?? key;
}

/** A catalogue entry's or a column's label in the current language. */
export function label(entry) {
  if (!entry) return '';
  return lang === 'en' ? (entry.labelEn || entry.label || entry.key) : (entry.label || entry.key);
}
