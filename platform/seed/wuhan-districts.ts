/** Wuhan's districts (GB/T 2260), where the demo subjects are registered; Hanyang first. */
export const WUHAN_DISTRICTS: readonly { code: string; name: string; rural: boolean }[] = [
  { code: '420105', name: '汉阳区', rural: false },
  { code: '420102', name: '江岸区', rural: false },
  { code: '420103', name: '江汉区', rural: false },
  { code: '420104', name: '硚口区', rural: false },
  { code: '420106', name: '武昌区', rural: false },
  { code: '420107', name: '青山区', rural: false },
  { code: '420111', name: '洪山区', rural: false },
  { code: '420112', name: '东西湖区', rural: true },
  { code: '420113', name: '汉南区', rural: true },
  { code: '420114', name: '蔡甸区', rural: true },
  { code: '420115', name: '江夏区', rural: true },
  { code: '420116', name: '黄陂区', rural: true },
  { code: '420117', name: '新洲区', rural: true },
];
