import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { cacheStatements } from './statement-cache.js'

describe('cacheStatements', () => {
  it('prepares a SQL text once and keeps the most recently used statements', () => {
    const db = new Database(':memory:')
    let prepared = 0
    const real = db.prepare.bind(db)
    db.prepare = ((sql: string) => {
      prepared += 1
      return real(sql)
    }) as typeof db.prepare
    cacheStatements(db, 2)
    db.prepare('create table t (n integer)').run()
    const insert = db.prepare('insert into t values (?)')
    expect(db.prepare('insert into t values (?)')).toBe(insert)
    insert.run(1)
    db.prepare('select count(*) as c from t')
    db.prepare('select n from t') // evicts the create statement, least recently used
    expect(prepared).toBe(4)
    db.prepare('create table u (n integer)')
    expect(prepared).toBe(5)
    db.close()
  })

  it('sees schema changes made after a statement was cached', () => {
    const db = new Database(':memory:')
    cacheStatements(db)
    db.prepare('create table t (a integer)').run()
    db.prepare('insert into t values (1)').run()
    expect(db.prepare('select * from t').all()).toEqual([{ a: 1 }])
    db.prepare('alter table t add column b text').run()
    expect(db.prepare('select * from t').all()).toEqual([{ a: 1, b: null }])
    db.close()
  })
})
