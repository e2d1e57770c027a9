/**
 * Every compatibility rule, in the order their reasons are listed. Adding a
 * rule means adding its file, its table test, and a line here.
 */
import type { Rule } from '../rule.js';
import { anyOfRule } from './any-of.js';
import { boundsRule } from './bounds.js';
import { closedObjectRule } from './closed-object.js';
import { enumRule } from './enum.js';
import { formatRule } from './format.js';
import { itemsRule } from './items.js';
import { patternRule } from './pattern.js';
import { propertiesRule } from './properties.js';
import { requiredRule } from './required.js';
import { typeRule } from './type.js';
import { uniqueItemsRule } from './unique-items.js';

export const RULES: readonly Rule[] = [
  anyOfRule,
  enumRule,
  typeRule,
  boundsRule,
  patternRule,
  formatRule,
  closedObjectRule,
  propertiesRule,
  requiredRule,
  itemsRule,
  uniqueItemsRule,
];
