from seo_lint.hashindex import HashIndex


def test_first_value_stays_and_setitem_replaces():
    index = HashIndex()
    index.setdefault("/a", 1)
    index.setdefault("/a", 2)
    index.setdefault("/b", 0)
    assert (index.get("/a"), index.get("/b"), index.get("/c")) == (1, 0, None)
    index["/a"] = 7
    index["/c"] = 3
    assert (index.get("/a"), index.get("/c"), len(index)) == (7, 3, 3)
    assert "/b" in index and "/d" not in index


def test_it_grows_and_keeps_every_entry():
    index = HashIndex()
    for number in range(5000):
        index.setdefault(f"/posts/{number}/", number)
    index.add("/posts/")
    assert len(index) == 5001
    assert [index.get(f"/posts/{number}/") for number in range(0, 5000, 999)] == [0, 999, 1998, 2997, 3996, 4995]
    assert index.get("/posts/5000/") is None and "/posts/" in index
