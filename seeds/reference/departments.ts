// "4+N": four departments sit in the centre (resident), ten answer on call. Contacts are fictional
// duty desks (the phone numbers use the reserved 023-6000xxxx block of this seed, not real lines).
import type { DepartmentDto } from '../../electron/common/dto';

export const DEPARTMENTS: readonly DepartmentDto[] = [
  { id: 'police', name: '区公安分局', nameEn: 'Public Security Bureau', role: 'resident', dutyPhone: '023-60000110', contact: '联勤席位 1' },
  { id: 'fire', name: '区消防救援支队', nameEn: 'Fire and Rescue', role: 'resident', dutyPhone: '023-60000119', contact: '联勤席位 2' },
  { id: 'urban', name: '区城市管理局', nameEn: 'Urban Management', role: 'resident', dutyPhone: '023-60000312', contact: '联勤席位 3' },
  { id: 'emergency', name: '区应急管理局', nameEn: 'Emergency Management', role: 'resident', dutyPhone: '023-60000350', contact: '联勤席位 4' },
  { id: 'housing', name: '区住房城乡建委', nameEn: 'Housing and Construction', role: 'on-call', dutyPhone: '023-60000401', contact: '值班室' },
  { id: 'transport', name: '区交通运输委', nameEn: 'Transport', role: 'on-call', dutyPhone: '023-60000402', contact: '值班室' },
  { id: 'water', name: '区水利局', nameEn: 'Water Resources', role: 'on-call', dutyPhone: '023-60000403', contact: '值班室' },
  { id: 'planning', name: '区规划自然资源局', nameEn: 'Planning and Natural Resources', role: 'on-call', dutyPhone: '023-60000404', contact: '值班室' },
  { id: 'ecology', name: '区生态环境局', nameEn: 'Ecology and Environment', role: 'on-call', dutyPhone: '023-60000405', contact: '值班室' },
  { id: 'market', name: '区市场监管局', nameEn: 'Market Supervision', role: 'on-call', dutyPhone: '023-60000406', contact: '值班室' },
  { id: 'health', name: '区卫生健康委', nameEn: 'Health', role: 'on-call', dutyPhone: '023-60000407', contact: '值班室' },
  { id: 'civil', name: '区民政局', nameEn: 'Civil Affairs', role: 'on-call', dutyPhone: '023-60000408', contact: '值班室' },
  { id: 'education', name: '区教委', nameEn: 'Education', role: 'on-call', dutyPhone: '023-60000409', contact: '值班室' },
  { id: 'utilities', name: '区城市运行保障中心（水电气讯）', nameEn: 'Utilities (water, power, gas, telecom)', role: 'on-call', dutyPhone: '023-60000410', contact: '值班室' },
];
