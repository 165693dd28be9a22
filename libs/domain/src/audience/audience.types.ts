/** Who an event is for, as normalized codes; `other` marks a part of the text no rule recognized. */
export type AudienceRole =
  | 'students'
  | 'college_students'
  | 'parents'
  | 'teachers'
  | 'subject_teachers'
  | 'class_teachers'
  | 'additional_education_teachers'
  | 'leaders'
  | 'methodists'
  | 'mentors'
  | 'career_guidance_staff'
  | 'engineers'
  | 'authorities'
  | 'organizations'
  | 'media'
  | 'public'
  | 'other';

export type SchoolSubject =
  | 'physics'
  | 'chemistry'
  | 'biology'
  | 'technology'
  | 'informatics'
  | 'mathematics'
  | 'geography'
  | 'history'
  | 'russian'
  | 'literature'
  | 'social_studies'
  | 'foreign_language';

/** School grades, both ends inclusive (1..11). */
export interface GradeRange {
  from: number;
  to: number;
}

/** A «Целевая аудитория» cell understood. */
export interface Audience {
  raw: string;
  grades: GradeRange[];
  /** In order of first mention, without repeats. */
  roles: AudienceRole[];
  /** The subjects of `subject_teachers` («учителя физики, химии»). */
  subjects: SchoolSubject[];
  /** Parts of the text no rule recognized (they make the role `other`). */
  unrecognized: string[];
}
