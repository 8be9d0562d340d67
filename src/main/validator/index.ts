// The validator service's face: create a validator, describe its rules, and the policies it enforces.
export { createValidator, type Validator, type ValidatorOptions } from './validator';
export { defaultPolicies, defaultTierPolicies, type PolicySource } from './policies';
export { describeRules } from './rules';
